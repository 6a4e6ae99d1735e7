using System.Diagnostics;

namespace FormationControl.Controller.Tests.Support;

/// <summary>
/// A socat pty pair (a virtual serial line): started by the test, ready once socat says so, killed by its process id on
/// dispose. socat must be installed (apt-get install -y socat); without it the test fails naming it.
/// </summary>
internal sealed class SocatLine : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly Process _process;

    private SocatLine(Process process, string directory)
    {
        _process = process;
        PortA = Path.Combine(directory, "ttyA");
        PortB = Path.Combine(directory, "ttyB");
    }

    /// <summary>The end the simulated units listen on.</summary>
    public string PortA { get; }

    /// <summary>The end the controller opens.</summary>
    public string PortB { get; }

    public static async Task<SocatLine> StartAsync()
    {
        Assert.True(File.Exists("/usr/bin/socat"), "Test peer 'socat' not found at /usr/bin/socat. Install it: apt-get install -y socat");
        string directory = Directory.CreateTempSubdirectory("fc-hosting-pty-").FullName;
        var start = new ProcessStartInfo("/usr/bin/socat") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["-d", "-d", $"pty,raw,echo=0,link={directory}/ttyA", $"pty,raw,echo=0,link={directory}/ttyB"])
        {
            start.ArgumentList.Add(argument);
        }

        var line = new SocatLine(Process.Start(start)!, directory);
        try
        {
            // socat reports "starting data transfer loop" once both ptys and their links exist.
            while (await line._process.StandardError.ReadLineAsync().WaitAsync(Limit) is { } log)
            {
                if (log.Contains("starting data transfer loop", StringComparison.Ordinal))
                {
                    _ = line._process.StandardError.ReadToEndAsync();
                    return line;
                }
            }

            Assert.Fail("socat exited before creating the pty pair.");
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
