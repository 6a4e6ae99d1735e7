using FormationControl.Core.Grading;

namespace FormationControl.Cli.Demo;

/// <summary>Scores the demo's cells against the simulator's truth (<see cref="DemoAccuracy"/>).</summary>
public static class DemoScore
{
    private const string Good = "none";
    private const string MicroShort = "micro-short";

    /// <summary>The accuracy of <paramref name="cells"/>, graded by <paramref name="recipe"/>.</summary>
    public static DemoAccuracy Of(IReadOnlyList<DemoCellResult> cells, GradingRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(recipe);
        var kCodes = recipe.Screens.Where(s => s.Rule.Input == GradeInput.KValue).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        bool Rejected(DemoCellResult c) => c.Grade == recipe.RejectGrade;
        var good = cells.Where(c => c.Defect == Good).ToList();
        var capacity = Errors(good.Where(c => c.CapacityAh is not null), c => Math.Abs(c.CapacityAh!.Value - c.TrueCapacityAh) / c.TrueCapacityAh * 100);
        var acir = Errors(good.Where(c => c.AcirOhm is not null && c.TrueAcirOhm is not null), c => Math.Abs(c.AcirOhm!.Value - c.TrueAcirOhm!.Value) / c.TrueAcirOhm!.Value * 100);
        var k = Errors(good.Where(c => c.KMvPerDay is not null && c.TrueKMvPerDay is not null), c => Math.Abs(c.KMvPerDay!.Value - c.TrueKMvPerDay!.Value));
        var shorts = cells.Where(c => c.Defect == MicroShort).ToList();
        int caught = shorts.Count(Rejected);
        var aged = shorts.Where(c => c.KMvPerDay is not null).ToList();
        int caughtByK = aged.Count(c => Rejected(c) && c.RejectCodes.Any(kCodes.Contains));
        int falseRejects = good.Count(Rejected);
        var classes = cells.GroupBy(c => c.Defect)
            .OrderBy(g => g.Key == Good ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DemoDefectScore(g.Key, g.Count(), g.Count(Rejected), g.Count(c => !Rejected(c))))
            .ToList();
        return new DemoAccuracy(
            good.Count,
            good.Count(c => c.Status != "Completed"),
            capacity.Max, capacity.Mean, acir.Max, acir.Mean, k.Max, k.Mean,
            shorts.Count, caught, shorts.Count > 0 ? 100.0 * caught / shorts.Count : null,
            aged.Count, caughtByK, aged.Count > 0 ? 100.0 * caughtByK / aged.Count : null,
            falseRejects, good.Count > 0 ? 100.0 * falseRejects / good.Count : 0,
            classes);
    }

    private static (double? Max, double? Mean) Errors(IEnumerable<DemoCellResult> cells, Func<DemoCellResult, double> error)
    {
        var errors = cells.Select(error).ToList();
        return errors.Count == 0 ? (null, null) : (errors.Max(), errors.Average());
    }
}
