using System.Diagnostics;
using System.Text;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Peers;

/// <summary>
/// An independent Modbus server (libmodbus or pymodbus) as a child process: started from the test, waited for
/// until it prints its ready line, killed by its process id on dispose whatever the test's outcome.
/// </summary>
internal sealed class PeerServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private PeerServer(Process process, string readyLine)
    {
        _process = process;
        ReadyLine = readyLine;
    }

    /// <summary>The first line the server printed ("LISTENING 40123", "READY").</summary>
    public string ReadyLine { get; }

    /// <summary>The port of a TCP server ("LISTENING port").</summary>
    public int Port => int.Parse(ReadyLine.Split(' ')[1]);

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<PeerServer> StartAsync(string program, string installHint, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync().Within();
        }
        catch
        {
            Kill(process);
            throw;
        }

        if (line is null || !(line.StartsWith("LISTENING ", StringComparison.Ordinal) || line == "READY"))
        {
            Kill(process);
            await process.WaitForExitAsync().Within();
            string errors;
            lock (stderr)
            {
                errors = stderr.ToString();
            }

            Assert.Fail($"Peer {program} {string.Join(' ', arguments)} did not start: stdout '{line}', stderr: {errors}. {installHint}");
        }

        var server = new PeerServer(process, line!);
        lock (stderr)
        {
            server._stderr.Append(stderr);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill(_process);
            await _process.WaitForExitAsync().Within();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
