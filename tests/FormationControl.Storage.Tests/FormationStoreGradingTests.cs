using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Storage.Tests;

public class FormationStoreGradingTests
{
    private static async Task<(long RunA, long RunB)> TwoRunsAsync(FormationStore store) =>
        (await store.StartRunAsync(TestRecords.Run("C1")), await store.StartRunAsync(TestRecords.Run("C2", channel: 2)));

    private static LotGrading Grading(string recipe, params GradeRecord[] grades) =>
        new("LOT-A", 0, recipe, "1", "hash-" + recipe, TestRecords.Start, grades);

    [Fact]
    public async Task Regrading_a_lot_makes_a_new_version_and_keeps_the_old_one_with_its_inputs()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.db");
        await using (var store = FormationStore.Open(path, new FakeTimeProvider()))
        {
            var (a, b) = await TwoRunsAsync(store);
            var first = await store.RecordLotGradingAsync(Grading(
                "r1",
                TestRecords.Grade("C1", a) with { AcirOhm = 0.00041, KMvPerDay = 0.12, OcvV = 3.6012, CoulombicEfficiencyPercent = 88.4, DcirOhm = 0.0009 },
                TestRecords.Grade("C2", b, "reject") with { RejectCodes = ["K-LOT", "OCV-LOT"] }));
            Assert.Equal(1, first.Version);
            Assert.All(first.Grades, g => Assert.Equal((1, (int?)1), (g.Version, g.LotVersion)));

            var second = await store.RecordLotGradingAsync(Grading("r2", TestRecords.Grade("C1", a, "B"), TestRecords.Grade("C2", b, "B")));
            Assert.Equal(2, second.Version);
            Assert.All(second.Grades, g => Assert.Equal(2, g.Version));
        }

        // Reopened: both versions are there, exactly as recorded.
        await using (var store = FormationStore.Open(path, new FakeTimeProvider()))
        {
            var gradings = store.GetLotGradings("LOT-A");
            Assert.Equal([(1, "r1"), (2, "r2")], gradings.Select(g => (g.Version, g.RecipeName)));
            var c1 = gradings[0].Grades.Single(g => g.CellId == "C1");
            Assert.Equal((0.00041, 0.12, 3.6012, 88.4, 0.0009), (c1.AcirOhm, c1.KMvPerDay, c1.OcvV, c1.CoulombicEfficiencyPercent, c1.DcirOhm));
            Assert.Equal(["K-LOT", "OCV-LOT"], gradings[0].Grades.Single(g => g.CellId == "C2").RejectCodes);
            Assert.Equal(["A", "B"], store.GetGradesOfCell("C1").Select(g => g.Grade));
            Assert.Equal("B", store.LatestGrade("C1")!.Grade);
            Assert.Equal(2, store.FindLotGrading("LOT-A")!.Version);
            Assert.Equal("r1", store.FindLotGrading("LOT-A", 1)!.RecipeName);
        }
    }

    [Fact]
    public async Task A_cells_next_version_counts_its_grades_from_every_lot_and_ignores_other_cells_between_its_barcodes()
    {
        using var dir = new TempDirectory();
        await using var store = FormationStore.Open(dir.File("v.db"), new FakeTimeProvider());
        long c1 = await store.StartRunAsync(TestRecords.Run("C1")), c3 = await store.StartRunAsync(TestRecords.Run("C3", channel: 3));
        long between = await store.StartRunAsync(TestRecords.Run("c2", lot: "LOT-B", channel: 2));
        await store.RecordGradeAsync(TestRecords.Grade("C1", c1, lot: "LOT-OLD"));
        await store.RecordGradeAsync(TestRecords.Grade("C1", c1, lot: "LOT-OLD"));
        await store.RecordLotGradingAsync(new LotGrading("LOT-B", 0, "r", "1", "h", TestRecords.Start, [TestRecords.Grade("c2", between, lot: "LOT-B")]));
        await store.RecordLotGradingAsync(new LotGrading("LOT-B", 0, "r", "1", "h", TestRecords.Start, [TestRecords.Grade("c2", between, lot: "LOT-B")]));

        var grading = await store.RecordLotGradingAsync(Grading("r1", TestRecords.Grade("C1", c1), TestRecords.Grade("C3", c3)));

        Assert.Equal([("C1", 3), ("C3", 1)], grading.Grades.Select(g => (g.CellId, g.Version)));
        Assert.Equal([1, 2, 3], store.GetGradesOfCell("C1").Select(g => g.Version));
        Assert.Equal([1, 2], store.GetGradesOfCell("c2").Select(g => g.Version));
    }

    [Fact]
    public async Task A_grading_with_an_unknown_run_stores_nothing()
    {
        using var dir = new TempDirectory();
        await using var store = FormationStore.Open(dir.File("g.db"), new FakeTimeProvider());
        var (a, _) = await TwoRunsAsync(store);
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.RecordLotGradingAsync(Grading("r", TestRecords.Grade("C1", a), TestRecords.Grade("C9", 999))));
        Assert.Contains("run 999 of cell 'C9'", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.GetLotGradings("LOT-A"));
        Assert.Empty(store.GetGrades("LOT-A"));
    }

    [Fact]
    public async Task Step_results_of_many_runs_match_the_per_run_query()
    {
        using var dir = new TempDirectory();
        await using var store = FormationStore.Open(dir.File("g.db"), new FakeTimeProvider());
        var runs = new List<long>();
        for (int i = 0; i < 300; i++)
        {
            runs.Add(await store.StartRunAsync(TestRecords.Run($"C{i}", channel: i)));
        }

        await Task.WhenAll(runs.SelectMany(r => new[] { 1, 0 }.Select(step => store.RecordStepResultAsync(TestRecords.StepResult(r, step, TestRecords.Start.AddHours(step))))));
        foreach (var subset in new[] { runs.Take(3).ToList(), runs })
        {
            var all = store.GetStepResultsOfRuns(subset);
            Assert.Equal(subset.Count, all.Count);
            Assert.All(subset, r => Assert.Equal(store.GetStepResults(r), all[r]));
        }

        Assert.Equal(300, store.GetRunsOfLot("LOT-A").Count);
        Assert.Single(store.GetRunsOfCell("C7"));
    }
}
