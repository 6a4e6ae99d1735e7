using FormationControl.Cli.Demo;
using FormationControl.Controller.Grading;
using FormationControl.Core.Time;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Demo;

public sealed class DemoAgeingTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-demo-ageing-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Cells resting at 55 % SOC (inside the NMC table's 50–60 % segment), a fraction of them micro-shorts.</summary>
    private static (SimulatedCyclerUnit Unit, VirtualClock Clock) RestingUnit(int cells, double microShorts)
    {
        var options = PopulationOptions.Default with
        {
            Cell = CellOptions.Default with { InitialStateOfCharge = 0.55 },
            Defects = new DefectRates { MicroShort = microShorts },
        };
        var clock = new VirtualClock(Start);
        return (new SimulatedCyclerUnit(DemoInputs.LoadMap(null), 1, new CellPopulation(cells, 100, 3, options).Cells, clock), clock);
    }

    [Fact]
    public void Days_in_one_jump_read_the_same_ocv_as_hour_by_hour_and_the_leak_predicts_it()
    {
        // Good cells: their SOC stays inside one segment of the OCV table, where the fall is linear in the leak.
        var (once, onceClock) = RestingUnit(4, 0);
        var (hourly, hourlyClock) = RestingUnit(4, 0);
        double[] before = [.. Enumerable.Range(0, 4).Select(c => once.ReadChannelState(c).OpenCircuitVoltageV)];

        onceClock.Advance(TimeSpan.FromDays(7));
        for (int hour = 0; hour < 7 * 24; hour++)
        {
            hourlyClock.Advance(TimeSpan.FromHours(1));
            for (int c = 0; c < 4; c++)
            {
                hourly.ReadChannelState(c);
            }
        }

        for (int c = 0; c < 4; c++)
        {
            double jumped = once.ReadChannelState(c).OpenCircuitVoltageV;
            Assert.Equal(hourly.ReadChannelState(c).OpenCircuitVoltageV, jumped, 9);
            // At rest only the leak moves the SOC: ΔOCV = slope · I_leak · t / Q, with the 50–60 % segment's 0.71 V per unit SOC.
            var truth = once.TruthOf(c);
            double expected = 0.71 * truth.SelfDischargeA * 7 * 24 / truth.CapacityAh;
            Assert.Equal(expected, before[c] - jumped, 7);
        }
    }

    [Fact]
    public async Task Two_sessions_are_stored_a_week_apart_and_their_k_tells_micro_shorts_from_good_cells()
    {
        var (unit, clock) = RestingUnit(20, 0.2);
        var (profile, _) = DemoInputs.LoadProfile(null);
        var (recipe, _) = DemoInputs.LoadRecipe(null);
        var cells = Enumerable.Range(0, 20).Select(i => new DemoCell(i, $"AGE{i:D4}", unit, i)).ToList();
        var options = new DemoOptions(profile!, recipe, DemoInputs.LoadMap(null), Path.Combine(_dir, "a.db")) { Cells = 20 };
        await using var store = FormationStore.Open(options.DbPath, TimeProvider.System);

        var (summary, truth) = await DemoAgeing.RunAsync(store, clock, [unit], cells, options, "-", null, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal((DemoOcvStation.Name, "ocv1", "ocv2", 20), (summary.Station, summary.FirstSession, summary.SecondSession, summary.CellsMeasured));
        Assert.Contains(cells, c => unit.TruthOf(c.Channel).Defect == CellDefect.MicroShort);
        Assert.Contains(cells, c => unit.TruthOf(c.Channel).Defect == CellDefect.None);
        var stored = store.GetAgeingMeasurements();
        Assert.Equal(40, stored.Count);
        Assert.All(stored, m => Assert.Equal(DemoOcvStation.Name, m.Station));
        foreach (var cell in cells)
        {
            var (first, second) = (stored.Single(m => m.CellId == cell.CellId && m.Session == "ocv1"), stored.Single(m => m.CellId == cell.CellId && m.Session == "ocv2"));
            Assert.Equal(TimeSpan.FromDays(7), second.MeasuredAt - first.MeasuredAt);
            Assert.Equal(Start + TimeSpan.FromDays(1) + ((cell.Index + 1) * options.MeterTimePerCell), first.MeasuredAt);

            // K as grading computes it from the store, against the fall of the true OCV: the meter's 20 µV noise over 7 days.
            var inputs = LotInputCollector.InputsOf(recipe!.Sources, [], [first, second]);
            Assert.InRange(inputs.KMvPerDay!.Value - truth[cell.CellId].KMvPerDay, -0.02, 0.02);
            bool shorted = unit.TruthOf(cell.Channel).Defect == CellDefect.MicroShort;
            Assert.True(shorted == inputs.KMvPerDay > 5 * summary.KMedianMvPerDay!.Value, $"{cell.CellId}: K {inputs.KMvPerDay:0.000} mV/day, median {summary.KMedianMvPerDay:0.000}, micro-short {shorted}");
        }
    }
}
