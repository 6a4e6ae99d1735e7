using System.Text.Json;
using FormationControl.Cli.Tests.Support;
using FormationControl.Core.Ageing;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Measure;

/// <summary>
/// <c>fc measure</c> as a real process on a real serial line (a socat pty pair) against the simulated meter that this
/// test process serves, measuring simulated cells whose truth the test reads back.
/// </summary>
public sealed class MeasureCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private MeterBench _bench = null!;

    public async Task InitializeAsync() => _bench = await MeterBench.StartAsync();

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    [Fact]
    public async Task Stores_every_cell_close_to_its_truth_flags_the_open_cell_and_reports_the_channel_the_meter_refused()
    {
        _bench.Serve();
        // Positions 1..7 are channels 1..7 (5 holds the dead cell); position 9 asks for a channel the multiplexer lacks.
        var tray = Enumerable.Range(1, 7).Select(p => (p, $"T1-C{p:D2}")).Append((9, "T1-C09")).ToArray();

        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "measure", "--meter", _bench.Device, "--cells", _bench.Tray(tray), "--session", "ocv1", "--db", _bench.Db, "--temperature", "23.5", "--json");

        Assert.True(code == 3, $"exit {code}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("FormationControl,SIM-OCVIR-1,000001,1.0", root.GetProperty("identity").GetString());
        Assert.Equal((6, 1, 1, 7), (root.GetProperty("measured").GetInt32(), root.GetProperty("open").GetInt32(), root.GetProperty("failed").GetInt32(), root.GetProperty("stored").GetInt32()));
        var rows = root.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("position").GetInt32());
        Assert.Equal("open", rows[MeterBench.DeadChannel].GetProperty("status").GetString());
        Assert.Equal("failed", rows[9].GetProperty("status").GetString());
        Assert.Contains("-222", rows[9].GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Contains("channels are 1 to 8", rows[9].GetProperty("problem").GetString(), StringComparison.Ordinal);

        await using var store = FormationStore.Open(_bench.Db, TimeProvider.System);
        var stored = store.GetAgeingMeasurements().ToDictionary(m => m.CellId);
        Assert.Equal(7, stored.Count);
        Assert.DoesNotContain("T1-C09", stored.Keys);
        for (int channel = 1; channel <= 7; channel++)
        {
            var m = stored[$"T1-C{channel:D2}"];
            Assert.Equal(("ocv1", "SIM-OCVIR-1 000001", 23.5), (m.Session, m.Station, m.TemperatureC));
            Assert.Equal(rows[channel].GetProperty("ocvV").GetDouble(), m.OcvV);
            if (channel == MeterBench.DeadChannel)
            {
                Assert.Null(m.AcirOhm);
                continue;
            }

            var truth = _bench.Unit.ReadChannelState(channel - 1);
            Assert.Equal(truth.R0Ohm, m.AcirOhm!.Value, truth.R0Ohm * 0.01);
            Assert.Equal(truth.RelaxingVoltageV, m.OcvV, 0.001);
        }
    }

    [Fact]
    public async Task Prints_the_identity_a_row_per_cell_and_a_summary_and_exits_0_when_every_cell_measured()
    {
        _bench.Serve();
        // Tray positions 0-based on the multiplexer's second bank: --channel-offset maps position N to channel N + 4.
        string tray = _bench.Tray((2, "T2-A"), (4, "T2-B"));

        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "measure", "--meter", _bench.Device, "--cells", tray, "--session", "ocv1", "--db", _bench.Db, "--channel-offset", "4", "--station", "bench-3");

        Assert.True(code == 0, $"exit {code}: {stderr}{stdout}");
        Assert.Contains($"meter {_bench.Device}: FormationControl,SIM-OCVIR-1,000001,1.0", stdout, StringComparison.Ordinal);
        Assert.Contains("the meter has no thermometer", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+2\s+6\s+T2-A\s+\d\.\d{5}\s+\d\.\d{4}\s+-\s+ok\n", stdout);
        Assert.Matches(@"\n\s+4\s+8\s+T2-B\s+\d\.\d{5}\s+\d\.\d{4}\s+-\s+ok\n", stdout);
        Assert.Contains("summary: 2 position(s): 2 measured, 0 open, 0 failed; 2 stored in session ocv1", stdout, StringComparison.Ordinal);
        await using var store = FormationStore.Open(_bench.Db, TimeProvider.System);
        var b = Assert.Single(store.GetAgeingMeasurements("T2-B"));
        Assert.Equal("bench-3", b.Station);
        Assert.Equal(_bench.Unit.ReadChannelState(7).R0Ohm, b.AcirOhm!.Value, b.AcirOhm.Value * 0.01);
    }

    [Fact]
    public async Task A_second_session_prints_each_cells_K_against_its_earlier_session_temperature_compensated()
    {
        _bench.Serve();
        var earlierAt = DateTimeOffset.UtcNow.AddDays(-7);
        await using (var seed = FormationStore.Open(_bench.Db, TimeProvider.System))
        {
            // The first session a week ago, 5 K warmer: with 0.3 mV/K its OCV counts 1.5 mV lower at 25 degC.
            await seed.RecordAgeingMeasurementsAsync([.. Enumerable.Range(1, 3).Select(c => new AgeingMeasurementRecord(0, $"K-{c}", "ocv1", "bench-1", earlierAt, 3.70 + (c * 0.001), 0.0005, 30))]);
        }

        var (first, firstOutput, _) = await FcProcess.RunAsync("measure", "--meter", _bench.Device, "--cells", _bench.Tray((1, "K-NEW")), "--session", "ocv1", "--db", _bench.Db, "--json");
        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "measure", "--meter", _bench.Device, "--cells", _bench.Tray((1, "K-1"), (2, "K-2"), (3, "K-3")), "--session", "ocv2", "--db", _bench.Db,
            "--temperature", "25", "--temperature-coefficient", "0.3", "--json");

        Assert.Equal(0, first);
        using (var firstJson = JsonDocument.Parse(firstOutput))
        {
            // A cell without an earlier session has no K.
            Assert.Equal(JsonValueKind.Null, firstJson.RootElement.GetProperty("cells")[0].GetProperty("kMvPerDay").ValueKind);
        }

        Assert.True(code == 0, $"exit {code}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        await using var store = FormationStore.Open(_bench.Db, TimeProvider.System);
        foreach (var row in json.RootElement.GetProperty("cells").EnumerateArray())
        {
            string cell = row.GetProperty("cellId").GetString()!;
            var history = store.GetAgeingMeasurements(cell);
            var (ocv1, ocv2) = (history.Single(m => m.Session == "ocv1"), history.Single(m => m.Session == "ocv2"));
            double days = (ocv2.MeasuredAt - ocv1.MeasuredAt).TotalDays;
            double expected = ((ocv1.OcvV - (0.0003 * 5)) - ocv2.OcvV) * 1000 / days;
            Assert.Equal("ocv1", row.GetProperty("earlierSession").GetString());
            Assert.Equal(expected, row.GetProperty("kMvPerDay").GetDouble(), 1e-6);
            Assert.True(KValue.TryCompute(new(ocv1.MeasuredAt, ocv1.OcvV, 30), new(ocv2.MeasuredAt, ocv2.OcvV, 25), 0.0003, 25, out double k, out _));
            Assert.Equal(k, expected, 1e-9);
        }
    }

    [Fact]
    public async Task A_meter_that_vanishes_mid_session_aborts_with_exit_2_and_keeps_what_was_measured()
    {
        await using var line = new VanishingMeterLine(_bench, readings: 3);
        var tray = Enumerable.Range(1, 6).Select(p => (p, $"V-{p}")).ToArray();

        await using var fc = FcProcess.Start(
            "measure", "--meter", _bench.Device, "--cells", _bench.Tray(tray), "--session", "ocv1", "--db", _bench.Db, "--timeout", "2000");

        await line.Cut.WaitAsync(Limit);
        int code = 0;
        var ended = await Record.ExceptionAsync(async () => code = await fc.WaitForExitAsync(Limit));
        string stderr = fc.Stderr;
        Assert.True(ended is null, $"fc did not end within {Limit}: {fc.Stdout}{stderr}");
        Assert.True(code == 2, $"exit {code}: {stderr}");
        Assert.True(stderr.Contains($"the meter on {_bench.Device} is gone after 3 of 6 position(s)", StringComparison.Ordinal), stderr);
        Assert.True(stderr.Contains("the 3 measurement(s) taken are stored", StringComparison.Ordinal), stderr);
        await using var store = FormationStore.Open(_bench.Db, TimeProvider.System);
        Assert.Equal(["V-1", "V-2", "V-3"], store.GetAgeingMeasurements().Select(m => m.CellId).Order().ToArray());
    }

    [Fact]
    public async Task A_meter_that_cannot_be_opened_or_stays_silent_is_exit_2_naming_the_device()
    {
        string tray = _bench.Tray((1, "X-1"));
        string missing = Path.Combine(_bench.Folder, "ttyNOPE");

        var (absent, _, absentError) = await FcProcess.RunAsync("measure", "--meter", missing, "--cells", tray, "--session", "ocv1", "--db", _bench.Db);
        // The line exists but nothing serves the meter on it.
        var (silent, _, silentError) = await FcProcess.RunAsync("measure", "--meter", _bench.Device, "--cells", tray, "--session", "ocv1", "--db", _bench.Db, "--timeout", "200");

        Assert.Equal(2, absent);
        Assert.Contains(missing, absentError, StringComparison.Ordinal);
        Assert.Equal(2, silent);
        Assert.Contains($"Meter on {_bench.Device} did not answer '*IDN?'", silentError, StringComparison.Ordinal);
        Assert.False(File.Exists(_bench.Db));
    }

    [Fact]
    public async Task Bad_input_is_exit_1_naming_what_and_where()
    {
        string broken = Path.Combine(_bench.Folder, "broken.csv");
        await File.WriteAllLinesAsync(broken, ["position,barcode", "1,A", "x,B"]);
        string tray = _bench.Tray((1, "A"));

        var (badTray, _, badTrayError) = await FcProcess.RunAsync("measure", "--meter", _bench.Device, "--cells", broken, "--session", "s", "--db", _bench.Db);
        var (badParity, _, badParityError) = await FcProcess.RunAsync("measure", "--meter", _bench.Device, "--cells", tray, "--session", "s", "--parity", "mark");
        var (badTemperature, _, badTemperatureError) = await FcProcess.RunAsync("measure", "--meter", _bench.Device, "--cells", tray, "--session", "s", "--db", _bench.Db, "--temperature", "250");
        var (badDb, _, badDbError) = await FcProcess.RunAsync("measure", "--meter", _bench.Device, "--cells", tray, "--session", "s", "--db", Path.Combine(_bench.Folder, "no", "such", "x.db"));

        Assert.Equal((1, 1, 1, 1), (badTray, badParity, badTemperature, badDb));
        Assert.Contains($"{broken}:3: position 'x'", badTrayError, StringComparison.Ordinal);
        Assert.Contains("mark", badParityError, StringComparison.Ordinal);
        Assert.Contains("--temperature 250 degC is outside -40 to 100 degC", badTemperatureError, StringComparison.Ordinal);
        Assert.Contains("the folder of the store", badDbError, StringComparison.Ordinal);
    }
}
