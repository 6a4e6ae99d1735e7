using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Storage.Tests;

public sealed class FormationStoreWritesTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private FormationStore _store = null!;

    public Task InitializeAsync()
    {
        _store = FormationStore.Open(_directory.File("writes.db"), new FakeTimeProvider(TestRecords.Start));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    // xUnit calls this after DisposeAsync, once the store has let go of the files.
    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task StartedRunIsCommittedWhenItsIdArrives()
    {
        var first = await _store.StartRunAsync(TestRecords.Run("CELL-1") with { Id = 999 });
        var second = await _store.StartRunAsync(TestRecords.Run("CELL-2"));

        Assert.True(second > first);
        Assert.True(_store.TryGetRun(first, out var run));
        Assert.Equal(TestRecords.Run("CELL-1") with { Id = first }, run);
    }

    [Fact]
    public async Task RunThatAlreadyEndedCannotStart()
    {
        var ended = TestRecords.Run() with { Status = RunStatus.Completed, EndedAt = TestRecords.Start };

        await Assert.ThrowsAsync<ArgumentException>(() => _store.StartRunAsync(ended));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.StartRunAsync(TestRecords.Run(cellId: " ")));
        Assert.Empty(_store.GetRuns());
    }

    [Fact]
    public async Task SamplesOfAStepAreCommittedNoLaterThanItsResult()
    {
        var run = await _store.StartRunAsync(TestRecords.Run());
        for (var n = 0; n < 5; n++)
        {
            _store.AppendSample(TestRecords.Sample(run, 0, n));
        }

        await _store.RecordStepResultAsync(TestRecords.StepResult(run, 0, TestRecords.Start));

        Assert.Equal(5, _store.GetSamples(run, 0).Count);
        Assert.Single(_store.GetStepResults(run));
        Assert.Equal(0, _store.BufferedSamples);
        Assert.Equal(5, _store.GetSampleStorageStats(run).JournalSamples);
    }

    [Fact]
    public async Task InvalidRecordFailsAloneInItsBatch()
    {
        var run = await _store.StartRunAsync(TestRecords.Run());

        var orphan = _store.RecordStepResultAsync(TestRecords.StepResult(run + 100, 0, TestRecords.Start));
        var valid = _store.RecordStepResultAsync(TestRecords.StepResult(run, 0, TestRecords.Start));

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => orphan);
        Assert.Contains($"run {run + 100} does not exist", error.Message, StringComparison.Ordinal);
        await valid;
        Assert.Single(_store.GetStepResults(run));
        Assert.Empty(_store.GetStepResults(run + 100));
    }

    [Fact]
    public async Task RunEndsOnceAndThenTakesNoSamples()
    {
        var run = await _store.StartRunAsync(TestRecords.Run());
        _store.AppendSample(TestRecords.Sample(run, 0, 0));
        var endedAt = TestRecords.Start.AddHours(3);

        await _store.CompleteRunAsync(run, RunStatus.Aborted, endedAt, "door opened");

        var stored = _store.FindRun(run)!;
        Assert.Equal((RunStatus.Aborted, endedAt, "door opened"), (stored.Status, stored.EndedAt!.Value, stored.EndNote));
        Assert.Single(_store.GetSamples(run));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _store.CompleteRunAsync(run, RunStatus.Completed, endedAt.AddHours(1), null));
        Assert.Contains("already ended (Aborted", again.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Aborted, _store.FindRun(run)!.Status);
        Assert.Throws<ArgumentException>(() => _store.AppendSample(TestRecords.Sample(run, 0, 1)));
    }

    [Fact]
    public async Task UnknownRunCannotEnd()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.CompleteRunAsync(42, RunStatus.Completed, TestRecords.Start, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.CompleteRunAsync(42, RunStatus.Running, TestRecords.Start, null));
    }

    [Fact]
    public async Task GradingACellAgainAddsTheNextVersionAndKeepsTheOld()
    {
        var run = await _store.StartRunAsync(TestRecords.Run());

        var firstA = await _store.RecordGradeAsync(TestRecords.Grade("CELL-A", run, "B") with { Version = 7, Id = 7 });
        var onlyB = await _store.RecordGradeAsync(TestRecords.Grade("CELL-B", run, "A"));
        var secondA = await _store.RecordGradeAsync(TestRecords.Grade("CELL-A", run, "A"));

        Assert.Equal((1, 1, 2), (firstA.Version, onlyB.Version, secondA.Version));
        Assert.Equal(TestRecords.Grade("CELL-A", run, "B") with { Id = firstA.Id, Version = 1 }, firstA);
        Assert.Equal([firstA, onlyB, secondA], _store.GetGrades());
        Assert.Equal(secondA, _store.LatestGrade("CELL-A"));
    }

    [Fact]
    public async Task GradesOfOneBatchGetConsecutiveVersions()
    {
        var run = await _store.StartRunAsync(TestRecords.Run());

        var grades = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _store.RecordGradeAsync(TestRecords.Grade("CELL-A", run))));

        Assert.Equal([1, 2, 3, 4, 5], grades.Select(grade => grade.Version).Order());
        Assert.Equal(5, grades.Select(grade => grade.Id).Distinct().Count());
    }

    [Fact]
    public async Task GradeOfUnknownRunIsRefused()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.RecordGradeAsync(TestRecords.Grade("CELL-A", runId: 5)));

        Assert.Contains("CELL-A", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.GetGrades());
    }

    [Fact]
    public void SampleOfUnknownRunIsRefusedNamingTheRun()
    {
        var error = Assert.Throws<ArgumentException>(() => _store.AppendSample(TestRecords.Sample(31, 0, 0)));

        Assert.Contains("run 31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleWithAnUnstorableValueIsRefused()
    {
        var run = await _store.StartRunAsync(TestRecords.Run());

        Assert.Throws<ArgumentOutOfRangeException>(() => _store.AppendSample(TestRecords.Sample(run, 0, 0) with { VoltageV = double.NaN }));
        Assert.Equal(0, _store.BufferedSamples);
    }

    [Fact]
    public async Task CancelledRequestIsNotQueued()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _store.StartRunAsync(TestRecords.Run(), new CancellationToken(canceled: true)));
        await _store.FlushAsync();

        Assert.Empty(_store.GetRuns());
    }
}
