using System.Diagnostics;
using System.Text;

namespace FormationControl.Testing;

/// <summary>
/// Two linked pseudo-terminals from socat (what is written to one is read from the other): a serial line for
/// RTU and meter tests. Started from the test, waited for until both links exist, killed by its process id on dispose.
/// </summary>
public sealed class SocatPair : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SocatPair(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    /// <summary>The folder that holds the links (a fresh temporary one unless given).</summary>
    public string Directory { get; }

    public string PortA => Path.Combine(Directory, "ttyA");

    public string PortB => Path.Combine(Directory, "ttyB");

    /// <summary>Starts socat; in <paramref name="directory"/> if given (to recreate a pair under the same names).</summary>
    public static async Task<SocatPair> StartAsync(string? directory = null)
    {
        string socat = ExternalProgram.Find("socat", "/usr/bin/socat", "apt-get install -y socat");
        directory ??= System.IO.Directory.CreateTempSubdirectory("fc-pty-").FullName;
        var start = new ProcessStartInfo(socat)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
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

            // socat logs "starting data transfer loop" once both ptys exist and their links are made.
            if (e.Data?.Contains("starting data transfer loop", StringComparison.Ordinal) == true || e.Data is null)
            {
                ready.TrySetResult();
            }
        };
        pair._process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(ExternalProgram.Patience);
            if (!File.Exists(pair.PortA) || !File.Exists(pair.PortB))
            {
                Assert.Fail($"socat did not create {pair.PortA} and {pair.PortB}: {pair.Log}");
            }

            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Kills socat (the line vanishes, as when a USB adapter is unplugged) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().WaitAsync(ExternalProgram.Patience);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
            try
            {
                // socat removes its links on exit; the folder goes once no other pair uses it (a recreated pair shares it).
                System.IO.Directory.Delete(Directory, recursive: false);
            }
            catch (IOException)
            {
            }
        }
    }
}
