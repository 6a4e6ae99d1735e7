using System.Diagnostics;
using System.Text;

namespace FormationControl.Cli.Tests.Commands.Sim;

/// <summary>A socat pty pair (a virtual serial line), started by the test and killed by its process id when disposed.</summary>
internal sealed class SocatLine : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
    private readonly Process _process;

    private SocatLine(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    public string Directory { get; }

    public string PortA => Path.Combine(Directory, "ttyA");

    public string PortB => Path.Combine(Directory, "ttyB");

    public static async Task<SocatLine> StartAsync()
    {
        string socat = "/usr/bin/socat";
        Assert.True(File.Exists(socat), "Test peer 'socat' not found at /usr/bin/socat. Install it: apt-get install -y socat");
        string directory = System.IO.Directory.CreateTempSubdirectory("fc-sim-cli-pty-").FullName;
        var start = new ProcessStartInfo(socat) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in (string[])["-d", "-d", $"pty,raw,echo=0,link={directory}/ttyA", $"pty,raw,echo=0,link={directory}/ttyB"])
        {
            start.ArgumentList.Add(argument);
        }

        var line = new SocatLine(Process.Start(start)!, directory);
        var log = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        line._process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data is null || e.Data.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        line._process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(Limit);
            Assert.True(File.Exists(line.PortA) && File.Exists(line.PortB), $"socat did not create its ptys: {log}");
            return line;
        }
        catch
        {
            await line.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().WaitAsync(Limit);
        _process.Dispose();
    }
}
