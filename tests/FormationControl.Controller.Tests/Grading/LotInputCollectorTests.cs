using FormationControl.Controller.Grading;
using FormationControl.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Controller.Tests.Grading;

public sealed class LotInputCollectorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-collector-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<long> RunAsync(FormationStore store, string cell, string profile, RunStatus end, params (string Label, double Ah)[] steps)
    {
        long run = await store.StartRunAsync(new RunRecord(0, cell, "L1", "sim-1", 1, profile, "1.0.0", "hash-" + profile, LotFixture.Start, null, RunStatus.Running, null));
        for (int i = 0; i < steps.Length; i++)
        {
            await store.RecordStepResultAsync(new StepResultRecord(run, i, steps[i].Label, "DischargeCc", LotFixture.Start, LotFixture.Start.AddHours(1), 3600, steps[i].Ah, 0, 3.0, 0, 25, "limit"));
        }

        await store.CompleteRunAsync(run, end, LotFixture.Start.AddHours(2), end == RunStatus.Completed ? null : "stopped");
        return run;
    }

    [Fact]
    public async Task Steps_come_from_every_completed_run_of_the_cell_the_newest_first()
    {
        await using var store = FormationStore.Open(Path.Combine(_dir, "fc.db"), _time);
        await LotFixture.WriteAsync(store, "L1", 2, i => 101, i => 0.1);
        const string Cell = "L1-C0000";
        long retest = await RunAsync(store, Cell, "capacity-test", RunStatus.Completed, ("capacity", -100.4));
        long storage = await RunAsync(store, Cell, "storage-charge", RunStatus.Completed, ("storage-charge", 55));
        await RunAsync(store, Cell, "capacity-test", RunStatus.Aborted, ("capacity", -90)); // not completed: not read

        var cells = LotInputCollector.Collect(store, "L1", LotGraderTests.Recipe("nmc-100ah-ageing.json"));

        var cell = cells.Single(c => c.CellId == Cell);
        Assert.Equal(100.4, cell.Inputs.CapacityAh!.Value, 9);        // the re-test's capacity, not formation's 101
        Assert.Equal(retest, cell.RunId);                               // the run the capacity came from
        Assert.NotNull(cell.Inputs.CoulombicEfficiencyPercent);         // formation's steps are still read
        Assert.Null(cell.RunNote);
        Assert.NotEqual(storage, cell.RunId);
        Assert.Equal(101, cells.Single(c => c.CellId == "L1-C0001").Inputs.CapacityAh!.Value, 9);
    }
}
