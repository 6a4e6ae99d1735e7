using FormationControl.Cli.Demo;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Demo;

public sealed class DemoRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-demo-test-").FullName;

    [Fact]
    public async Task Eight_cells_form_over_modbus_in_virtual_time_and_are_graded_by_the_recipe()
    {
        var (profile, _) = DemoInputs.LoadProfile(null);
        var (recipe, _) = DemoInputs.LoadRecipe(null);
        string db = Path.Combine(_dir, "demo.db");
        var options = new DemoOptions(profile!, recipe!, DemoInputs.LoadMap(null), db) { Cells = 8, Seed = 7 };

        var result = await DemoRunner.RunAsync(options, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(8, result.Cells);
        Assert.Equal(8, result.Completed);
        Assert.InRange(result.SimulatedHours, 20, 72);
        foreach (var cell in result.CellResults)
        {
            Assert.Equal("Completed", cell.Status);
            double error = Math.Abs(cell.CapacityAh!.Value - cell.TrueCapacityAh) / cell.TrueCapacityAh;
            Assert.True(error < 0.005, $"{cell.CellId}: measured {cell.CapacityAh:0.000} Ah, true {cell.TrueCapacityAh:0.000} Ah");
            Assert.Equal(recipe!.Grade(cell.CapacityAh).Grade, cell.Grade);
        }

        Assert.Equal(8, result.Grades.Values.Sum());

        // The records are in the LiteDB file: runs, step results of every step, samples, grades with the recipe's hash.
        await using var store = FormationStore.Open(db, TimeProvider.System);
        var runs = store.GetRuns();
        Assert.Equal(8, runs.Count);
        Assert.All(runs, r => Assert.Equal(profile!.Hash, r.ProfileHash));
        var steps = store.GetStepResults(runs[0].Id);
        Assert.Equal(profile!.Steps.Select(s => s.Label), steps.Select(s => s.Label));
        Assert.NotEmpty(store.GetSamples(runs[0].Id));
        var grades = store.GetGrades(result.Lot);
        Assert.Equal(8, grades.Count);
        Assert.All(grades, g => Assert.Equal(recipe!.Hash, g.RecipeHash));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_capacities()
    {
        var (profile, _) = DemoInputs.LoadProfile(null);
        var (recipe, _) = DemoInputs.LoadRecipe(null);
        async Task<double?[]> Run(string name)
        {
            var options = new DemoOptions(profile!, recipe!, DemoInputs.LoadMap(null), Path.Combine(_dir, name)) { Cells = 2, Seed = 3 };
            var r = await DemoRunner.RunAsync(options, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));
            return r.CellResults.Select(c => c.CapacityAh).ToArray();
        }

        Assert.Equal(await Run("a.db"), await Run("b.db"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
