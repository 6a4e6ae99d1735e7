using FormationControl.Controller.Grading;
using FormationControl.Controller.Tests.Support;
using FormationControl.Core.Grading;
using FormationControl.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Controller.Tests.Grading;

public sealed class LotGraderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-lotgrader-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static GradingRecipe Recipe(string file)
    {
        var loaded = GradingRecipeLoader.LoadFile(Path.Combine(RepositoryPaths.Root, "profiles", "grading", file));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return loaded.Recipe;
    }

    [Fact]
    public async Task Collects_every_input_the_recipe_names_from_steps_and_ageing_sessions()
    {
        await using var store = FormationStore.Open(Path.Combine(_dir, "fc.db"), _time);
        await LotFixture.WriteAsync(store, "L1", 3, i => 101 + i, i => 0.1 * (i + 1));
        var recipe = Recipe("nmc-100ah-ageing.json");

        var cells = LotInputCollector.Collect(store, "L1", recipe);

        Assert.Equal(["L1-C0000", "L1-C0001", "L1-C0002"], cells.Select(c => c.CellId));
        var second = cells[1].Inputs;
        Assert.Equal(102, second.CapacityAh!.Value, 9);
        Assert.Equal((102 - 0.1) / (10 + 95) * 100, second.CoulombicEfficiencyPercent!.Value, 9);
        Assert.Equal(0.2, second.KMvPerDay!.Value, 6);
        Assert.Equal(3.6505 - 0.0014, second.OcvV!.Value, 9);
        Assert.Equal(0.000501, second.AcirOhm!.Value, 12);
        Assert.Null(second.DcirOhm); // this recipe does not declare dcir
    }

    [Fact]
    public async Task Grades_a_lot_rejects_the_micro_short_and_stores_a_new_version_each_time()
    {
        await using var store = FormationStore.Open(Path.Combine(_dir, "fc.db"), _time);
        // Capacity 100.6..102.5 Ah: all within A's capacity band; cell 7 leaks 2 mV/day.
        await LotFixture.WriteAsync(store, "L1", 20, i => 100.6 + (i * 0.1), i => i == 7 ? 2.0 : 0.1 + (i % 4 * 0.01));
        var grader = new LotGrader(store, _time);

        var first = await grader.GradeAsync("L1", Recipe("nmc-100ah-ageing.json"));
        _time.Advance(TimeSpan.FromHours(1));
        var second = await grader.GradeAsync("L1", Recipe("nmc-100ah-capacity.json"));

        Assert.Equal(1, first.Grading.Version);
        Assert.Equal(20, first.Grading.Grades.Count);
        var leaker = first.Grading.Grades.Single(g => g.CellId == "L1-C0007");
        Assert.Equal("reject", leaker.Grade);
        Assert.Contains("K-LIMIT", leaker.RejectCodes);
        Assert.All(first.Grading.Grades.Where(g => g.CellId != "L1-C0007"), g => Assert.NotEqual("reject", g.Grade));
        Assert.Equal(20, first.Statistics.TryGet(GradeInput.KValue, out var k) ? k.Count : 0);

        Assert.Equal(2, second.Grading.Version);
        var stored = store.GetLotGradings("L1");
        Assert.Equal([1, 2], stored.Select(g => g.Version));
        Assert.Equal(first.Grading.RecipeHash, stored[0].RecipeHash);
        Assert.Equal("reject", stored[0].Grades.Single(g => g.CellId == "L1-C0007").Grade);
        Assert.Equal([1, 2], store.GetGradesOfCell("L1-C0007").Select(g => g.Version));
        Assert.NotEqual(stored[0].RecipeHash, stored[1].RecipeHash);
    }

    [Fact]
    public async Task A_cell_whose_run_did_not_complete_is_rejected_with_the_run_note()
    {
        await using var store = FormationStore.Open(Path.Combine(_dir, "fc.db"), _time);
        await LotFixture.WriteAsync(store, "L1", 2, i => 101, i => 0.1);
        long aborted = await store.StartRunAsync(new RunRecord(0, "L1-X", "L1", "sim-1", 9, "p", "1", "h", LotFixture.Start, null, RunStatus.Running, null));
        await store.CompleteRunAsync(aborted, RunStatus.Aborted, LotFixture.Start.AddHours(1), "operator stop");

        var result = await new LotGrader(store, _time).GradeAsync("L1", Recipe("nmc-100ah-capacity.json"));

        var grade = result.Grading.Grades.Single(g => g.CellId == "L1-X");
        Assert.Equal(aborted, grade.RunId);
        Assert.Contains("operator stop", grade.Reason);
        Assert.NotEqual(grade.Grade, result.Grading.Grades.Single(g => g.CellId == "L1-C0000").Grade);
    }

    [Fact]
    public async Task An_unknown_lot_is_refused_by_name()
    {
        await using var store = FormationStore.Open(Path.Combine(_dir, "fc.db"), _time);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new LotGrader(store, _time).GradeAsync("NOPE", Recipe("nmc-100ah-capacity.json")));
        Assert.Contains("NOPE", error.Message);
    }
}
