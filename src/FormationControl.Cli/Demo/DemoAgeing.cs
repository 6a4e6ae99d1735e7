using FormationControl.Core.Ageing;
using FormationControl.Core.Grading;
using FormationControl.Core.Time;
using FormationControl.Devices.Meter;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Meter;
using FormationControl.Storage;

namespace FormationControl.Cli.Demo;

/// <summary>
/// Ageing in virtual time: the cells rest on their channels with the outputs off while the clock jumps ahead, and
/// the OCV/IR station measures them twice, <see cref="DemoOptions.FirstSessionAfter"/> after the storage charge and
/// <see cref="DemoOptions.AgeingDuration"/> later. A jump of days is exact: the simulator integrates the leak in
/// closed form over coefficient epochs of at most 10 minutes whatever the jump, so nothing depends on polling.
/// </summary>
public static class DemoAgeing
{
    /// <summary>Runs both sessions over <paramref name="cells"/> and stores them; the summary and each cell's truth.</summary>
    public static async Task<(DemoAgeingSummary Summary, IReadOnlyDictionary<string, AgeingTruth> Truth)> RunAsync(
        FormationStore store,
        VirtualClock clock,
        IReadOnlyList<SimulatedCyclerUnit> units,
        IReadOnlyList<DemoCell> cells,
        DemoOptions options,
        string storageProfile,
        IProgress<DemoProgress>? progress,
        TimeSpan elapsed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sources = options.Recipe?.Sources;
        bool hasK = sources?.Declared.Contains(GradeInput.KValue) == true;
        string first = sources?.KFirstSession ?? "ocv1", second = sources?.KSecondSession ?? "ocv2";
        double alpha = hasK ? sources!.KTemperatureCoefficientVPerK : 0, reference = hasK ? sources!.KReferenceTemperatureC : 25;

        var meter = new OcvIrMeter(
            new SimulatedMeterLink(new SimulatedMeter(units, new MeterOptions { Seed = options.Seed })),
            new OcvIrMeterOptions { SettleTime = TimeSpan.Zero },
            clock);
        var station = new DemoOcvStation(meter, clock, options.MeterTimePerCell);

        clock.Advance(options.FirstSessionAfter);
        var firstStart = clock.GetUtcNow();
        progress?.Report(new DemoProgress((elapsed + options.FirstSessionAfter).TotalHours, 0, 0, cells.Count, first));
        var ocv1 = await station.MeasureAsync(store, first, cells, cancellationToken).ConfigureAwait(false);
        var secondStart = firstStart + options.AgeingDuration;
        if (secondStart > clock.GetUtcNow())
        {
            clock.Advance(secondStart - clock.GetUtcNow());
        }

        progress?.Report(new DemoProgress((elapsed + options.FirstSessionAfter + options.AgeingDuration).TotalHours, 0, 0, cells.Count, second));
        var ocv2 = await station.MeasureAsync(store, second, cells, cancellationToken).ConfigureAwait(false);

        var k = new List<double>(cells.Count);
        var truth = new Dictionary<string, AgeingTruth>(cells.Count, StringComparer.Ordinal);
        for (int i = 0; i < cells.Count; i++)
        {
            var (a, b) = (ocv1[i].Measurement, ocv2[i].Measurement);
            double days = (b.MeasuredAt - a.MeasuredAt).TotalDays;
            truth[a.CellId] = new AgeingTruth((ocv1[i].TrueOcvV - ocv2[i].TrueOcvV) * 1000 / days, ocv2[i].TrueR0Ohm);
            if (KValue.TryCompute(new OcvReading(a.MeasuredAt, a.OcvV, a.TemperatureC), new OcvReading(b.MeasuredAt, b.OcvV, b.TemperatureC), alpha, reference, out double value, out _))
            {
                k.Add(value);
            }
        }

        var statistics = InputStatistics.Of(k);
        var summary = new DemoAgeingSummary(
            storageProfile, DemoOcvStation.Name, first, second, options.FirstSessionAfter.TotalDays, options.AgeingDuration.TotalDays, cells.Count,
            statistics?.Median, statistics?.P95, statistics?.Max);
        return (summary, truth);
    }
}
