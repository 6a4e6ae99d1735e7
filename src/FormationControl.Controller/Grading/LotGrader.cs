using FormationControl.Core.Grading;
using FormationControl.Storage;

namespace FormationControl.Controller.Grading;

/// <summary>
/// Grades a whole lot with one recipe: collects every cell's inputs, takes the lot's statistics, grades each cell
/// and stores the result as the lot's next grading version (earlier versions stay as they are).
/// </summary>
public sealed class LotGrader(FormationStore store, TimeProvider time)
{
    /// <summary>Grades <paramref name="lot"/> and stores it; the stored grading (version and ids assigned) and the lot statistics.</summary>
    /// <exception cref="InvalidOperationException">The lot has no runs.</exception>
    public async Task<LotGradingResult> GradeAsync(string lot, GradingRecipe recipe, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lot);
        ArgumentNullException.ThrowIfNull(recipe);
        var cells = LotInputCollector.Collect(store, lot, recipe);
        if (cells.Count == 0)
        {
            throw new InvalidOperationException($"Lot '{lot}' has no runs in the store to grade.");
        }

        var (statistics, grades) = Grade(lot, recipe, cells, time.GetUtcNow());
        var stored = await store.RecordLotGradingAsync(
            new LotGrading(lot, 0, recipe.Name, recipe.Version, recipe.Hash, grades.Count > 0 ? grades[0].GradedAt : time.GetUtcNow(), grades),
            cancellationToken).ConfigureAwait(false);
        return new LotGradingResult(stored, statistics);
    }

    /// <summary>The grades of <paramref name="cells"/> (not stored) and the statistics they were graded against.</summary>
    public static (LotStatistics Statistics, IReadOnlyList<GradeRecord> Grades) Grade(
        string lot, GradingRecipe recipe, IReadOnlyList<CellInputs> cells, DateTimeOffset gradedAt)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(cells);
        var statistics = LotStatistics.Of(cells.Select(c => c.Inputs).ToList());
        var grades = new GradeRecord[cells.Count];
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var decision = recipe.Grade(cell.Inputs, statistics);
            if (cell.RunNote is { } note)
            {
                decision = decision with { Reason = $"{note}; {decision.Reason}" };
            }

            var inputs = cell.Inputs;
            grades[i] = new GradeRecord(0, cell.CellId, lot, cell.RunId, recipe.Name, recipe.Version, recipe.Hash, inputs.CapacityAh, decision.Grade, decision.Reason, 0, gradedAt)
            {
                CoulombicEfficiencyPercent = inputs.CoulombicEfficiencyPercent,
                DcirOhm = inputs.DcirOhm,
                AcirOhm = inputs.AcirOhm,
                KMvPerDay = inputs.KMvPerDay,
                OcvV = inputs.OcvV,
                RejectCodes = decision.RejectCodes,
            };
        }

        return (statistics, grades);
    }
}
