using FormationControl.Core.Ageing;
using FormationControl.Core.Grading;
using FormationControl.Storage;

namespace FormationControl.Controller.Grading;

/// <summary>
/// Collects each cell's grading inputs for a lot from the store: step results of the cell's run (capacity, CE,
/// DCIR, OCV of a step) and its ageing sessions (ACIR, OCV, K), as the recipe's <see cref="GradingInputSources"/> name them.
/// </summary>
public static class LotInputCollector
{
    /// <summary>
    /// One entry per cell that has a run in <paramref name="lot"/>, in barcode order. A cell's step inputs come from all
    /// its completed runs in the lot, the newest run's result of a label first: formation, then e.g. a storage charge or
    /// an OCV run, each contribute the steps they have. The entry's run is the newest completed run that holds the
    /// recipe's capacity step (else the newest completed run); a cell with no completed run is graded without inputs,
    /// with its newest run's end note.
    /// </summary>
    public static IReadOnlyList<CellInputs> Collect(FormationStore store, string lot, GradingRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(recipe);
        var byCell = store.GetRunsOfLot(lot)
            .GroupBy(r => r.CellId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.Id).ToList())
            .ToList();
        var completed = byCell.SelectMany(runs => runs).Where(r => r.Status == RunStatus.Completed).Select(r => r.Id).ToList();
        var steps = completed.Count > 0 ? store.GetStepResultsOfRuns(completed) : new Dictionary<long, IReadOnlyList<StepResultRecord>>();
        var ageing = NeedsAgeing(recipe.Sources)
            ? AgeingByCell(store, byCell.Count)
            : new Dictionary<string, List<AgeingMeasurementRecord>>(StringComparer.Ordinal);
        var result = new List<CellInputs>(byCell.Count);
        var cellSteps = new List<StepResultRecord>();
        foreach (var runs in byCell)
        {
            var done = runs.Where(r => r.Status == RunStatus.Completed).ToList();
            if (done.Count == 0)
            {
                var last = runs[^1];
                result.Add(new CellInputs(last.CellId, last.Id, GradeInputs.None, $"run {last.Status.ToString().ToLowerInvariant()}: {last.EndNote}"));
                continue;
            }

            // Oldest run first, so that the last result of a label is the newest run's.
            cellSteps.Clear();
            long runId = done[^1].Id;
            foreach (var run in done)
            {
                if (steps.TryGetValue(run.Id, out var found))
                {
                    cellSteps.AddRange(found);
                    if (recipe.Sources.CapacityStep is { } label && found.Any(s => s.Label == label))
                    {
                        runId = run.Id;
                    }
                }
            }

            IReadOnlyList<AgeingMeasurementRecord> measured = ageing.TryGetValue(done[0].CellId, out var list) ? list : [];
            result.Add(new CellInputs(done[0].CellId, runId, InputsOf(recipe.Sources, [.. cellSteps], measured)));
        }

        return result;
    }

    /// <summary>The inputs <paramref name="sources"/> declares, from one run's step results and one cell's ageing measurements (by time).</summary>
    public static GradeInputs InputsOf(GradingInputSources sources, IReadOnlyList<StepResultRecord> steps, IReadOnlyList<AgeingMeasurementRecord> ageing)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var declared = sources.Declared;
        double? capacity = declared.Contains(GradeInput.Capacity) && LastOf(steps, sources.CapacityStep) is { } c ? Math.Abs(c.Ah) : null;
        double? dcir = declared.Contains(GradeInput.Dcir) ? LastOf(steps, sources.DcirStep)?.DcirOhm : null;
        double? ce = declared.Contains(GradeInput.CoulombicEfficiency) ? Efficiency(sources, steps) : null;
        double? acir = declared.Contains(GradeInput.Acir) ? Session(ageing, sources.AcirSession, latest: true, m => m.AcirOhm is not null)?.AcirOhm : null;
        double? ocv = null;
        if (declared.Contains(GradeInput.Ocv))
        {
            ocv = sources.OcvStep is { } label ? LastOf(steps, label)?.EndVoltageV : Session(ageing, sources.OcvSession, latest: true, _ => true)?.OcvV;
        }

        double? k = null;
        if (declared.Contains(GradeInput.KValue)
            && Session(ageing, sources.KFirstSession, latest: false, _ => true) is { } first
            && Session(ageing, sources.KSecondSession, latest: true, _ => true) is { } second
            && KValue.TryCompute(
                new OcvReading(first.MeasuredAt, first.OcvV, first.TemperatureC),
                new OcvReading(second.MeasuredAt, second.OcvV, second.TemperatureC),
                sources.KTemperatureCoefficientVPerK,
                sources.KReferenceTemperatureC,
                out double kValue,
                out _))
        {
            k = kValue;
        }

        return new GradeInputs(capacity, ce, dcir, acir, k, ocv);
    }

    /// <summary>Every cell's ageing measurements, by time, in one pass over the collection.</summary>
    private static Dictionary<string, List<AgeingMeasurementRecord>> AgeingByCell(FormationStore store, int cells)
    {
        var byCell = new Dictionary<string, List<AgeingMeasurementRecord>>(cells, StringComparer.Ordinal);
        foreach (var m in store.GetAgeingMeasurements())
        {
            if (!byCell.TryGetValue(m.CellId, out var list))
            {
                byCell[m.CellId] = list = new List<AgeingMeasurementRecord>(2);
            }

            list.Add(m);
        }

        return byCell;
    }

    private static bool NeedsAgeing(GradingInputSources sources) =>
        sources.Declared.Contains(GradeInput.Acir) || sources.Declared.Contains(GradeInput.KValue)
        || (sources.Declared.Contains(GradeInput.Ocv) && sources.OcvStep is null);

    private static StepResultRecord? LastOf(IReadOnlyList<StepResultRecord> steps, string? label)
    {
        if (label is null)
        {
            return null;
        }

        for (int i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Label == label)
            {
                return steps[i];
            }
        }

        return null;
    }

    private static double? Efficiency(GradingInputSources sources, IReadOnlyList<StepResultRecord> steps)
    {
        if (LastOf(steps, sources.EfficiencyDischargeStep) is not { } discharge || sources.ChargeSteps is not { Count: > 0 } labels)
        {
            return null;
        }

        double charged = 0;
        foreach (string label in labels)
        {
            if (LastOf(steps, label) is not { } charge)
            {
                return null;
            }

            charged += Math.Abs(charge.Ah);
        }

        return charged > 0 ? Math.Abs(discharge.Ah) / charged * 100 : null;
    }

    /// <summary>The named session's measurement (the latest of that name), or with no name the latest (or earliest) one that fits.</summary>
    private static AgeingMeasurementRecord? Session(IReadOnlyList<AgeingMeasurementRecord> ageing, string? session, bool latest, Func<AgeingMeasurementRecord, bool> fits)
    {
        var candidates = ageing.Where(m => (session is null || m.Session == session) && fits(m));
        return session is not null || latest ? candidates.LastOrDefault() : candidates.FirstOrDefault();
    }
}
