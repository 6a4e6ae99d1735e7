using System.CommandLine;
using System.Text;
using FormationControl.Cli.Commands.Sim;

namespace FormationControl.Cli.Tests.Commands.Sim;

/// <summary>
/// Runs <c>fc sim</c> in this process through the real command tree parser (the command is wired into Program.cs
/// separately), with its output captured line by line and stopped by cancellation, as SIGTERM would.
/// </summary>
internal sealed class SimRun : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private readonly LineWriter _output = new();
    private readonly LineWriter _error = new();
    private readonly Task<int> _run;

    private SimRun(string[] args)
    {
        var root = new RootCommand { SimCommand.Create() };
        var configuration = new InvocationConfiguration { Output = _output, Error = _error };
        _run = root.Parse(["sim", .. args]).InvokeAsync(configuration, _stop.Token);
    }

    public string Output => _output.Text;

    public string Error => _error.Text;

    public static SimRun Start(params string[] args) => new(args);

    /// <summary>Runs to completion (a usage error, a failure) and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        await using var run = Start(args);
        int code = await run._run.WaitAsync(Limit);
        return (code, run.Output, run.Error);
    }

    /// <summary>The n-th output line (0-based), once written.</summary>
    public Task<string> LineAsync(int index) => _output.LineAsync(index).WaitAsync(Limit);

    /// <summary>Stops the simulator as SIGTERM would and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(Limit);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    /// <summary>A writer that keeps its lines and lets a test wait for one.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _text = new();
        private readonly List<TaskCompletionSource<string>> _lines = [];
        private int _complete;

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public Task<string> LineAsync(int index)
        {
            lock (_gate)
            {
                return Slot(index).Task;
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                _text.Append(value);
                if (value == '\n')
                {
                    string[] lines = _text.ToString().Split('\n');
                    for (; _complete < lines.Length - 1; _complete++)
                    {
                        Slot(_complete).TrySetResult(lines[_complete].TrimEnd('\r'));
                    }
                }
            }
        }

        private TaskCompletionSource<string> Slot(int index)
        {
            while (_lines.Count <= index)
            {
                _lines.Add(new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            return _lines[index];
        }
    }
}
