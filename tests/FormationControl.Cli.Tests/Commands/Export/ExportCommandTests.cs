using System.Globalization;
using FormationControl.Cli.Tests.Export;
using FormationControl.Cli.Tests.Support;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Export;

/// <summary><c>fc export --format bdf</c> as a real process on a store with a real (simulated, virtual-time) run.</summary>
public sealed class ExportCommandTests(LoopRunStore formed) : IClassFixture<LoopRunStore>, IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("fc-export-out-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static Dictionary<string, int> Columns(string header) =>
        header.Split(',').Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);

    [Fact]
    public async Task Exports_a_cells_run_as_bdf_with_a_row_per_sample_monotonic_time_and_the_stores_values()
    {
        RunRecord run;
        IReadOnlyList<SampleRecord> samples;
        IReadOnlyList<StepResultRecord> steps;
        await using (var store = FormationStore.Open(formed.Db, TimeProvider.System))
        {
            run = Assert.Single(store.GetRuns());
            samples = store.GetSamples(run.Id);
            steps = store.GetStepResults(run.Id);
        }

        var (code, stdout, stderr) = await FcProcess.RunAsync("export", "--format", "bdf", "--db", formed.Db, "--cell", run.CellId, "--out", _out);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        string file = Path.Combine(_out, BdfName(run));
        Assert.Contains($"{samples.Count} rows -> {file}", stdout, StringComparison.Ordinal);
        string[] lines = (await File.ReadAllTextAsync(file)).Split('\n');
        Assert.Equal(BdfCsvWriterTests.Header, lines[0]);
        var rows = lines[1..^1].Select(l => l.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(samples.Count, rows.Count);
        Assert.True(rows.Count > 100, $"only {rows.Count} samples");
        var c = Columns(lines[0]);
        for (int i = 0; i < rows.Count; i++)
        {
            var (row, s) = (rows[i], samples[i]);
            Assert.Equal((s.Time - run.StartedAt).TotalSeconds, row[c["Test Time / s"]], 0.0005);
            Assert.Equal(s.Time.ToUnixTimeMilliseconds() / 1000.0, row[c["Unix Time / s"]], 0.0005);
            Assert.Equal(s.VoltageV, row[c["Voltage / V"]], 0.00005);
            Assert.Equal(s.CurrentA, row[c["Current / A"]], 0.00005);
            Assert.Equal(s.StepIndex, row[c["Step ID"]]);
            Assert.Equal(Math.Abs(s.StepAh), row[c["Step Capacity / Ah"]], 0.000005);
            Assert.Equal(s.TemperatureC, row[c["Surface Temperature T1 / degC"]], 0.05);
            if (i > 0)
            {
                Assert.True(row[c["Test Time / s"]] > rows[i - 1][c["Test Time / s"]], $"time not increasing at row {i + 1}");
                Assert.True(row[c["Charging Capacity / Ah"]] >= rows[i - 1][c["Charging Capacity / Ah"]]);
                Assert.True(row[c["Discharging Capacity / Ah"]] >= rows[i - 1][c["Discharging Capacity / Ah"]]);
            }
        }

        Assert.True(rows[0][c["Test Time / s"]] >= 0);
        // BDF's sign: charge positive, as stored; the charge steps' rows carry positive current, discharge rows negative.
        var types = steps.ToLookup(r => r.StepIndex, r => r.StepType);
        var charging = rows.Where(r => types[(int)r[c["Step ID"]]].Any(t => t.StartsWith("Charge", StringComparison.Ordinal))).Select(r => r[c["Current / A"]]).ToList();
        var discharging = rows.Where(r => types[(int)r[c["Step ID"]]].Any(t => t.StartsWith("Discharge", StringComparison.Ordinal))).Select(r => r[c["Current / A"]]).ToList();
        Assert.True(charging.All(i => i >= 0) && charging.Any(i => i > 40), "charge rows: " + string.Join(' ', charging));
        Assert.True(discharging.All(i => i <= 0) && discharging.Any(i => i < -15), "discharge rows: " + string.Join(' ', discharging));
        // Step executions: rest, charge, 2 x (discharge, charge), capacity; the loop's second pass is cycle 2.
        Assert.Equal(7, rows[^1][c["Step Count / 1"]]);
        Assert.Equal(2, rows[^1][c["Cycle Count / 1"]]);
        // Cumulative capacities match the step results the controller recorded (to the last logged sample of each step).
        double charged = steps.Where(r => r.Ah > 0).Sum(r => r.Ah), discharged = -steps.Where(r => r.Ah < 0).Sum(r => r.Ah);
        Assert.Equal(charged, rows[^1][c["Charging Capacity / Ah"]], charged * 0.02);
        Assert.Equal(discharged, rows[^1][c["Discharging Capacity / Ah"]], discharged * 0.02);
    }

    [Fact]
    public async Task Selects_by_lot_and_by_run_id()
    {
        RunRecord run;
        await using (var store = FormationStore.Open(formed.Db, TimeProvider.System))
        {
            run = Assert.Single(store.GetRuns());
        }

        var (byLot, lotOut, lotError) = await FcProcess.RunAsync("export", "--format", "bdf", "--db", formed.Db, "--lot", run.Lot!, "--out", Path.Combine(_out, "lot"));
        var (byRun, _, runError) = await FcProcess.RunAsync("export", "--format", "BDF", "--db", formed.Db, "--run", run.Id.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(_out, "run"));

        Assert.True(byLot == 0 && byRun == 0, lotError + runError);
        Assert.Contains("exported 1 run(s)", lotOut, StringComparison.Ordinal);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(_out, "lot", BdfName(run))),
            await File.ReadAllTextAsync(Path.Combine(_out, "run", BdfName(run))));
    }

    [Fact]
    public async Task Unknown_format_cell_lot_run_or_store_is_exit_1_naming_it()
    {
        var (format, _, formatError) = await FcProcess.RunAsync("export", "--format", "parquet", "--db", formed.Db, "--cell", "X", "--out", _out);
        var (cell, _, cellError) = await FcProcess.RunAsync("export", "--format", "bdf", "--db", formed.Db, "--cell", "NO-SUCH-CELL", "--out", _out);
        var (lot, _, lotError) = await FcProcess.RunAsync("export", "--format", "bdf", "--db", formed.Db, "--lot", "NO-LOT", "--out", _out);
        var (run, _, runError) = await FcProcess.RunAsync("export", "--format", "bdf", "--db", formed.Db, "--run", "999", "--out", _out);
        var (none, _, noneError) = await FcProcess.RunAsync("export", "--format", "bdf", "--db", formed.Db, "--out", _out);
        var (db, _, dbError) = await FcProcess.RunAsync("export", "--format", "bdf", "--db", Path.Combine(_out, "nope.db"), "--run", "1", "--out", _out);

        Assert.Equal((1, 1, 1, 1, 1, 1), (format, cell, lot, run, none, db));
        Assert.Contains("unknown format 'parquet'; supported formats: bdf", formatError, StringComparison.Ordinal);
        Assert.Contains("no cell 'NO-SUCH-CELL'", cellError, StringComparison.Ordinal);
        Assert.Contains("no lot 'NO-LOT'", lotError, StringComparison.Ordinal);
        Assert.Contains("no run 999", runError, StringComparison.Ordinal);
        Assert.Contains("exactly one of --cell", noneError, StringComparison.Ordinal);
        Assert.Contains("nope.db' does not exist", dbError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_is_exit_3_naming_it()
    {
        string blocker = Path.Combine(_out, "a-file");
        await File.WriteAllTextAsync(blocker, "x");
        string target = Path.Combine(blocker, "exports");

        string cell;
        await using (var store = FormationStore.Open(formed.Db, TimeProvider.System))
        {
            cell = Assert.Single(store.GetRuns()).CellId;
        }

        var (code, _, stderr) = await FcProcess.RunAsync("export", "--format", "bdf", "--db", formed.Db, "--cell", cell, "--out", target);

        Assert.Equal(3, code);
        Assert.Contains(target, stderr, StringComparison.Ordinal);
    }

    private static string BdfName(RunRecord run) => Cli.Export.BdfCsvWriter.FileName(run);
}
