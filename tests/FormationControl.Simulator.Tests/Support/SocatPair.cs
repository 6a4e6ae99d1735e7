using System.Diagnostics;
using System.Text;

namespace FormationControl.Simulator.Tests.Support;

/// <summary>
/// Two linked pseudo-terminals from socat, a serial line for RTU and meter tests: started by the test, waited for
/// until both links exist, killed by its process id when disposed.
/// </summary>
internal sealed class SocatPair : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SocatPair(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    public string Directory { get; }

    public string PortA => Path.Combine(Directory, "ttyA");

    public string PortB => Path.Combine(Directory, "ttyB");

    public static async Task<SocatPair> StartAsync()
    {
        string socat = Peer.Find("socat", "/usr/bin/socat", "apt-get install -y socat");
        string directory = System.IO.Directory.CreateTempSubdirectory("fc-sim-pty-").FullName;
        var start = new ProcessStartInfo(socat) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in (string[])["-d", "-d", $"pty,raw,echo=0,link={directory}/ttyA", $"pty,raw,echo=0,link={directory}/ttyB"])
        {
            start.ArgumentList.Add(argument);
        }

        var pair = new SocatPair(Process.Start(start)!, directory);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pair._process.ErrorDataReceived += (_, e) =>
        {
            lock (pair._log)
            {
                pair._log.AppendLine(e.Data);
            }

            // socat says so once both ptys exist and their links are made.
            if (e.Data is null || e.Data.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        pair._process.BeginErrorReadLine();
        try
        {
            await ready.Task.Within();
            Assert.True(File.Exists(pair.PortA) && File.Exists(pair.PortB), $"socat did not create {pair.PortA} and {pair.PortB}: {pair._log}");
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            await _process.WaitForExitAsync().Within();
        }
        finally
        {
            _process.Dispose();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
