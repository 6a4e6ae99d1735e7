using System.IO.Ports;
using System.Net;
using System.Text.Json;
using FormationControl.Cli.Tests.Support;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;
using FormationControl.Simulator.Rack;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Run;

/// <summary>
/// <c>fc run</c> as a real child process against a simulated unit served by this test process over loopback Modbus
/// TCP, in real time, on a profile of a few seconds.
/// </summary>
[Collection(InProcessRack.Name)]
public sealed class RunCommandTests : IAsyncLifetime
{
    private const string ShortProfile = """
        {
          "name": "run-smoke", "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "1 h", "maxTotalDuration": "1 h" },
          "logging": { "interval": "1 s" },
          "steps": [
            { "label": "rest", "type": "rest", "limits": [ { "time": "1 s" } ] },
            { "label": "charge", "type": "chargeCc", "current": "C/2", "limits": [ { "time": "2 s" } ] },
            { "label": "settle", "type": "rest", "limits": [ { "time": "1 s" } ] }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("fc-run-").FullName;
    private LoopbackCyclerUnit _unit = null!;

    private string Db => Path.Combine(_folder, "rack.db");

    public Task InitializeAsync()
    {
        _unit = new LoopbackCyclerUnit();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _unit.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_short_profile_runs_to_the_end_on_every_channel_and_prints_a_json_summary()
    {
        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "run", "--config", Rack(_unit.Port), "--profile", Profile(), "--channels", "1-3", "--cells", Tray("1,CELL-A", "2,CELL-B", "3,CELL-C"),
            "--until-done", "--json", "--engineering", "--by", "Erik");

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(3, summary.RootElement.GetProperty("completed").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("faulted").GetInt32());
        var channels = summary.RootElement.GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(["CELL-A", "CELL-B", "CELL-C"], channels.Select(c => c.GetProperty("cell").GetString()));
        Assert.All(channels, c => Assert.Equal("Completed", c.GetProperty("state").GetString()));

        await using var store = FormationStore.Open(Db, TimeProvider.System);
        var audit = store.GetAudit();
        Assert.Equal(3, audit.Count(a => a.Action == "start" && a.Accepted && a.Operator == "Erik"));
        long runId = channels[0].GetProperty("runId").GetInt64();
        Assert.Equal(3, store.GetStepResults(runId).Count);
    }

    [Fact]
    public async Task Units_on_a_serial_line_run_a_short_profile_to_the_end()
    {
        await using var line = await SocatPair.StartAsync();
        var map = RegisterMapLoader.Load(LoopbackCyclerUnit.MapPath);
        var units = new[] { 1, 2 }.Select(id => new SimulatedCyclerUnit(map, (byte)id, new CellPopulation(2, 100, id).Cells, TimeProvider.System));
        await using var slave = new ModbusRtuSlave(new SimulatedRack(units));
        slave.Start(line.PortA, new SerialLineSettings(115200, Parity.None));
        string serial = $$"""{ "type": "serial", "device": "{{line.PortB}}", "baudRate": 115200, "parity": "none" }""";

        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "run", "--config", Rack(serial, serial), "--profile", Profile(), "--channels", "1-4", "--cells", Tray("1,CELL-A", "2,CELL-B", "3,CELL-C", "4,CELL-D"),
            "--until-done", "--json", "--engineering", "--by", "Erik");

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(4, summary.RootElement.GetProperty("completed").GetInt32());
        Assert.Equal(["U01/1", "U01/2", "U02/1", "U02/2"], summary.RootElement.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task A_software_limit_trip_faults_the_channel_and_fails_the_run_with_the_reason()
    {
        string path = Path.Combine(_folder, "tripping.json");
        File.WriteAllText(path, ShortProfile.Replace("\"maxVoltage\": \"4.25 V\"", "\"maxVoltage\": \"3.0 V\"", StringComparison.Ordinal));

        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "run", "--config", Rack(_unit.Port), "--profile", path, "--channels", "1", "--cells", Tray("1,CELL-A"), "--until-done", "--engineering", "--by", "Erik");

        Assert.True(code == 3, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Contains("0 completed, 1 faulted", stdout, StringComparison.Ordinal);
        Assert.StartsWith("channel 1 (U01/1, cell CELL-A) Faulted: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreleased_profile_is_refused_on_every_channel_with_the_reason()
    {
        var (code, stdout, _) = await FcProcess.RunAsync(
            "run", "--config", Rack(_unit.Port), "--profile", Profile(), "--channels", "1-2", "--cells", Tray("1,CELL-A"), "--until-done");

        Assert.Equal(1, code);
        Assert.Contains("profile not released: run-smoke 1.0.0", stdout, StringComparison.Ordinal);
        Assert.Contains("0 completed, 0 faulted, 2 refused", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_that_cannot_be_reached_stops_the_run_before_anything_starts()
    {
        await _unit.DisposeAsync();

        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "run", "--config", Rack(_unit.Port), "--profile", Profile(), "--channels", "1", "--cells", Tray("1,CELL-A"), "--until-done", "--engineering", "--by", "Erik");

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"unit U01 at tcp://127.0.0.1:{_unit.Port} cannot be reached", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_tray_file_is_reported_with_file_and_line()
    {
        string tray = Tray("1,CELL-A", "1,CELL-B");

        var (code, _, stderr) = await FcProcess.RunAsync(
            "run", "--config", Rack(_unit.Port), "--profile", Profile(), "--channels", "1-2", "--cells", tray, "--until-done");

        Assert.Equal(1, code);
        Assert.Contains($"{tray}:3: position 1 is already given on line 2", stderr, StringComparison.Ordinal);
    }

    private string Rack(int port)
    {
        string map = LoopbackCyclerUnit.MapPath.Replace("\\", "/", StringComparison.Ordinal);
        string path = Path.Combine(_folder, "rack.json");
        File.WriteAllText(path, $$"""
            {
              "name": "test-rack", "pollInterval": "500 ms", "requestTimeout": "300 ms", "connectTimeout": "2 s", "watchdogPeriod": "10 s",
              "storage": "rack.db", "http": { "host": "127.0.0.1", "port": 8750 },
              "units": [ { "name": "U01", "transport": { "type": "tcp", "host": "127.0.0.1", "port": {{port}} }, "unitId": 1,
                           "registerMap": "{{map}}", "channels": 4 } ]
            }
            """);
        return path;
    }

    // Two units of two channels on one serial line (unit ids 1 and 2).
    private string Rack(string firstTransport, string secondTransport)
    {
        string map = LoopbackCyclerUnit.MapPath.Replace("\\", "/", StringComparison.Ordinal);
        string path = Path.Combine(_folder, "rack-serial.json");
        File.WriteAllText(path, $$"""
            {
              "name": "serial-rack", "pollInterval": "500 ms", "requestTimeout": "300 ms", "connectTimeout": "2 s", "watchdogPeriod": "10 s",
              "storage": "rack.db",
              "units": [ { "name": "U01", "transport": {{firstTransport}}, "unitId": 1, "registerMap": "{{map}}", "channels": 2 },
                         { "name": "U02", "transport": {{secondTransport}}, "unitId": 2, "registerMap": "{{map}}", "channels": 2 } ]
            }
            """);
        return path;
    }

    private string Profile()
    {
        string path = Path.Combine(_folder, "run-smoke.json");
        File.WriteAllText(path, ShortProfile);
        return path;
    }

    private string Tray(params string[] lines)
    {
        string path = Path.Combine(_folder, "tray.csv");
        File.WriteAllLines(path, ["position,barcode", .. lines]);
        return path;
    }
}
