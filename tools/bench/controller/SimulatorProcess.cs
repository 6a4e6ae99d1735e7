using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FormationControl.ControllerBench;

/// <summary>
/// <c>fc sim</c> in a child process, so the simulated units cost the controller's process nothing: started on free
/// loopback ports, ready once its ports accept connections, killed on dispose.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private Task _drain = Task.CompletedTask;

    private SimulatorProcess(Process process, int units)
    {
        _process = process;
        Endpoints = new IPEndPoint[units];
    }

    /// <summary>Where unit <c>u</c> (1-based) listens, at index <c>u - 1</c>.</summary>
    public IPEndPoint[] Endpoints { get; }

    public int Id => _process.Id;

    /// <summary>CPU time the simulator has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <c>dotnet FC sim</c> for <paramref name="scenario"/> and waits, at most <paramref name="timeout"/>, until every port answers.</summary>
    public static async Task<SimulatorProcess> StartAsync(string fcDll, Scenario scenario, bool portPerUnit, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            fcDll, "sim", "--tcp", "127.0.0.1:0", "--units", Text(scenario.Units), "--channels", Text(scenario.ChannelsPerUnit),
            "--speed", "1", "--seed", "1", "--defects", "none", "--initial-soc", "0.5",
        ];
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (portPerUnit)
        {
            start.ArgumentList.Add("--port-per-unit");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var simulator = new SimulatorProcess(process, scenario.Units);
        try
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            simulator._drain = simulator.DrainErrorsAsync();
            await simulator.ReadEndpointsAsync(linked.Token).ConfigureAwait(false);
            foreach (var endpoint in simulator.Endpoints.Distinct())
            {
                await WaitUntilAcceptingAsync(endpoint, time, linked.Token).ConfigureAwait(false);
            }

            simulator._drain = Task.WhenAll(simulator._drain, process.StandardOutput.ReadToEndAsync(CancellationToken.None));
            return simulator;
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidDataException)
        {
            string errors = simulator.Errors;
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"fc sim ({fcDll}) did not come up within {timeout.TotalSeconds:0} s: {e.Message} {errors}".TrimEnd(), e);
        }
    }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        await _drain.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    // First lines: "tcp 127.0.0.1:PORT units 1-U", or with one port per unit "tcp 127.0.0.1:PORT unit U" once per unit.
    private async Task ReadEndpointsAsync(CancellationToken cancellationToken)
    {
        int found = 0;
        while (found < Endpoints.Length)
        {
            string line = await _process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"fc sim exited ({ExitText()}) before printing its endpoints.");
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3 || words[0] != "tcp" || !IPEndPoint.TryParse(words[1], out var endpoint))
            {
                continue;
            }

            if (words[2] == "unit" && words.Length == 4 && int.TryParse(words[3], CultureInfo.InvariantCulture, out int unit) && unit >= 1 && unit <= Endpoints.Length)
            {
                Endpoints[unit - 1] = endpoint;
                found++;
            }
            else
            {
                Array.Fill(Endpoints, endpoint);
                found = Endpoints.Length;
            }
        }
    }

    private string ExitText() => _process.HasExited ? $"exit code {_process.ExitCode}" : "still running";

    private async Task DrainErrorsAsync()
    {
        while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (_errors)
            {
                _errors.AppendLine(line);
            }
        }
    }

    private static async Task WaitUntilAcceptingAsync(IPEndPoint endpoint, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var client = new TcpClient(endpoint.AddressFamily);
                await client.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
