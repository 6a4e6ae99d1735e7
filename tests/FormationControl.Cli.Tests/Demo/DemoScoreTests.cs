using FormationControl.Cli.Demo;

namespace FormationControl.Cli.Tests.Demo;

public sealed class DemoScoreTests
{
    private static readonly Core.Grading.GradingRecipe Recipe = DemoInputs.LoadRecipe(null).Recipe!;

    private static DemoCellResult Cell(string defect, string grade, double capacity, double trueCapacity, params string[] codes) =>
        new($"C{Guid.NewGuid():N}", "U01", 1, "Completed", capacity, trueCapacity, grade, "")
        {
            Defect = defect,
            RejectCodes = codes,
            AcirOhm = 0.000451,
            TrueAcirOhm = 0.000450,
            KMvPerDay = 0.21,
            TrueKMvPerDay = 0.2,
        };

    [Fact]
    public void Scores_measurement_errors_on_good_cells_and_rejections_by_true_class()
    {
        DemoCellResult[] cells =
        [
            Cell("none", "A", 101.1, 101.0),
            Cell("none", "B", 99.9, 100.0),
            Cell("none", "reject", 100.0, 100.0, "OCV-LOT"),
            Cell("none", "A", 102.0, 102.0),
            Cell("micro-short", "reject", 95.0, 100.0, "K-LIMIT", "K-LOT"),
            Cell("micro-short", "reject", 95.0, 100.0, "OCV-LOT"), // rejected, but not for K
            Cell("micro-short", "A", 101.0, 101.0),
            Cell("micro-short", "reject", 0, 100.0, "missing-capacity") with { Status = "Faulted", KMvPerDay = null, CapacityAh = null }, // failed formation
            Cell("high-resistance", "reject", 99.0, 100.0, "ACIR-LOT"),
        ];

        var score = DemoScore.Of(cells, Recipe);

        Assert.Equal(4, score.GoodCells);
        Assert.Equal(0.1, score.CapacityMaxErrorPercent!.Value, 9);
        Assert.Equal((0.1 / 101 * 100 + 0.1) / 4, score.CapacityMeanErrorPercent!.Value, 9);
        Assert.Equal(0.01, score.KMaxErrorMvPerDay!.Value, 9);
        Assert.Equal(1.0 / 4.5, score.AcirMaxErrorPercent!.Value, 6);
        Assert.Equal((4, 3, 3, 1), (score.MicroShorts, score.MicroShortsCaught, score.MicroShortsAged, score.MicroShortsCaughtByK));
        Assert.Equal(75, score.MicroShortRecallPercent!.Value, 9);
        Assert.Equal(100.0 / 3, score.MicroShortKRecallPercent!.Value, 9);
        Assert.Equal((1, 25.0), (score.FalseRejects, score.FalseRejectPercent));
        Assert.Equal(
            [new DemoDefectScore("none", 4, 1, 3), new DemoDefectScore("high-resistance", 1, 1, 0), new DemoDefectScore("micro-short", 4, 3, 1)],
            score.Classes);
    }

    [Fact]
    public void Without_micro_shorts_recall_is_not_a_number_but_absent()
    {
        var score = DemoScore.Of([Cell("none", "A", 101, 101)], Recipe);
        Assert.Null(score.MicroShortRecallPercent);
        Assert.Null(score.MicroShortKRecallPercent);
        Assert.Equal(0, score.FalseRejectPercent);
    }
}
