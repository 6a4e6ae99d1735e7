using System.Net;
using FormationControl.Cli.Tests.Support;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Run;

/// <summary>
/// <c>fc run</c> killed with SIGKILL in the middle of a run and started again with the same arguments: it reattaches
/// the open runs and finishes them. Real processes and real time against a simulated unit served by this test process,
/// whose step sequence counters are the truth of what the device was told to run.
/// </summary>
public sealed class ForegroundRunTests : IAsyncLifetime
{
    private const int Channels = 2;

    private static readonly double[] StepSeconds = [1, 2, 1, 2, 1];

    private const string Profile = """
        {
          "name": "recovery-smoke", "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "1 h", "maxTotalDuration": "1 h" },
          "logging": { "interval": "500 ms" },
          "steps": [
            { "label": "rest", "type": "rest", "limits": [ { "time": "1 s" } ] },
            { "label": "charge", "type": "chargeCc", "current": "C/2", "limits": [ { "time": "2 s" } ] },
            { "label": "settle", "type": "rest", "limits": [ { "time": "1 s" } ] },
            { "label": "discharge", "type": "dischargeCc", "current": "C/2", "limits": [ { "time": "2 s" } ] },
            { "label": "relax", "type": "rest", "limits": [ { "time": "1 s" } ] }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("fc-recover-").FullName;
    private readonly TaskCompletionSource _secondStepStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SimulatedCyclerUnit _unit = null!;
    private ModbusTcpSlave _slave = null!;
    private int _port;

    public Task InitializeAsync()
    {
        var map = RegisterMapLoader.Load(Path.Combine(RepositoryFiles.Root, "profiles", "devices", "sim-cycler-v1.json"));
        _unit = new SimulatedCyclerUnit(map, 1, new CellPopulation(Channels, 100, 5).Cells, TimeProvider.System);
        _slave = new ModbusTcpSlave(new WriteObservedStore(_unit, () =>
        {
            // The device starts step 2 only once step 1's result is committed (write-ahead): a kill after this loses nothing.
            if (_unit.ReadChannelState(0).StepSequence >= 2)
            {
                _secondStepStarted.TrySetResult();
            }
        }));
        _port = _slave.Start(new IPEndPoint(IPAddress.Loopback, 0)).Port;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _slave.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_run_killed_with_sigkill_is_recovered_by_the_next_fc_run_and_every_step_is_recorded_once()
    {
        string[] args = ["run", "--config", Rack(), "--profile", Write("recovery.json", Profile), "--channels", "1-2",
            "--cells", Write("tray.csv", "position,barcode\n1,CELL-A\n2,CELL-B\n"), "--until-done", "--engineering", "--by", "Erik"];

        await using (var first = FcProcess.Start(args))
        {
            var started = await Task.WhenAny(_secondStepStarted.Task, first.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.True(started == _secondStepStarted.Task, $"fc run ended before its second step started\n{first.Stdout}\n{first.Stderr}");
            await first.KillAsync(TimeSpan.FromSeconds(10));
        }

        Assert.InRange(_unit.ReadChannelState(0).StepSequence, 2, StepSeconds.Length - 1);
        var (code, stdout, stderr) = await FcProcess.RunAsync(args);

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.StartsWith("recovered 2 runs", stderr, StringComparison.Ordinal);
        Assert.Contains("2 completed, 0 faulted, 0 refused", stdout, StringComparison.Ordinal);
        await using var store = FormationStore.Open(Path.Combine(_folder, "rack.db"), TimeProvider.System);
        var runs = store.GetRuns();
        Assert.Equal(["CELL-A", "CELL-B"], runs.Select(r => r.CellId).Order(StringComparer.Ordinal));
        foreach (var run in runs)
        {
            Assert.Equal(RunStatus.Completed, run.Status);
            var steps = store.GetStepResults(run.Id);
            Assert.Equal([0, 1, 2, 3, 4], steps.Select(s => s.StepIndex));
            Assert.Equal(StepSeconds.Length, _unit.ReadChannelState(run.Channel - 1).StepSequence); // no step was started twice
            Assert.All(steps.Zip(StepSeconds), s => Assert.Equal(s.Second, s.First.DurationS, 0.05)); // the device's own times
            Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.True(pair.First.EndedAt <= pair.Second.StartedAt, $"steps {pair.First.StepIndex} and {pair.Second.StepIndex} overlap"));
            var samples = store.GetSamples(run.Id);
            Assert.NotEmpty(samples);
            Assert.All(samples.Zip(samples.Skip(1)), pair => Assert.True(pair.First.Time < pair.Second.Time, $"samples at {pair.First.Time:O} and {pair.Second.Time:O}"));
        }

        Assert.Equal(2, store.GetAudit().Count(a => a is { Action: "recover", Accepted: true }));
    }

    private string Rack()
    {
        string map = Path.Combine(RepositoryFiles.Root, "profiles", "devices", "sim-cycler-v1.json").Replace("\\", "/", StringComparison.Ordinal);
        return Write("rack.json", $$"""
            {
              "name": "test-rack", "pollInterval": "250 ms", "requestTimeout": "200 ms", "connectTimeout": "2 s", "watchdogPeriod": "10 s",
              "storage": "rack.db", "http": { "host": "127.0.0.1", "port": 8751 },
              "units": [ { "name": "U01", "transport": { "type": "tcp", "host": "127.0.0.1", "port": {{_port}} }, "unitId": 1,
                           "registerMap": "{{map}}", "channels": {{Channels}} } ]
            }
            """);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
