using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace FormationControl.Cli.Tests.Support;

/// <summary>Runs the built <c>fc</c> program as a real process, as a technician's shell would.</summary>
internal sealed partial class FcProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FcProcess(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fc.dll"));
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _firstLine.TrySetException(new InvalidOperationException("fc closed its output: " + _stderr));
                return;
            }

            lock (_stdout)
            {
                _stdout.AppendLine(e.Data);
            }

            _firstLine.TrySetResult(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

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

    public static FcProcess Start(params string[] args) => new(args);

    /// <summary>Runs fc to completion (bounded) and returns its exit code with its output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        await using var fc = Start(args);
        int code = await fc.WaitForExitAsync(DefaultLimit);
        return (code, fc.Stdout, fc.Stderr);
    }

    public Task<string> FirstLineAsync(TimeSpan limit) => _firstLine.Task.WaitAsync(limit);

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        await _process.WaitForExitAsync().WaitAsync(limit);
        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as a service manager does.</summary>
    public void Terminate() => Assert.Equal(0, Kill(_process.Id, 15));

    /// <summary>Sends SIGKILL, as a crash or an OOM kill would end it: no handler runs, nothing is flushed.</summary>
    public async Task KillAsync(TimeSpan limit)
    {
        Assert.Equal(0, Kill(_process.Id, 9));
        await _process.WaitForExitAsync().WaitAsync(limit);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
