using System.Diagnostics;

namespace FormationControl.Cli.Tests.Commands.Modbus;

/// <summary>
/// A socat pty pair (a virtual serial line) for the RTU command tests: started from the test, waited for until both
/// links exist, killed by its process id on dispose. socat must be installed (apt-get install -y socat).
/// </summary>
internal sealed class SocatLine : IAsyncDisposable
{
    private readonly Process _process;

    private SocatLine(Process process, string directory)
    {
        _process = process;
        PortA = Path.Combine(directory, "ttyA");
        PortB = Path.Combine(directory, "ttyB");
    }

    public string PortA { get; }

    public string PortB { get; }

    public static async Task<SocatLine> StartAsync()
    {
        Assert.True(File.Exists("/usr/bin/socat"), "Test peer 'socat' not found at /usr/bin/socat. Install it: apt-get install -y socat");
        string directory = Directory.CreateTempSubdirectory("fc-cli-pty-").FullName;
        var start = new ProcessStartInfo("/usr/bin/socat") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["-d", "-d", $"pty,raw,echo=0,link={directory}/ttyA", $"pty,raw,echo=0,link={directory}/ttyB"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var line = new SocatLine(process, directory);
        try
        {
            // socat reports "starting data transfer loop" once both ptys and their links exist.
            while (await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) is { } log)
            {
                if (log.Contains("starting data transfer loop", StringComparison.Ordinal))
                {
                    _ = process.StandardError.ReadToEndAsync();
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

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
