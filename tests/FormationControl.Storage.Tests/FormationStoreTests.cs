using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Storage.Tests;

public sealed class FormationStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(TestRecords.Start);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task EverythingCommittedIsThereAfterReopening()
    {
        var path = _directory.File("formation.db");
        List<SampleRecord> samples;
        List<StepResultRecord> steps;
        List<GradeRecord> grades = [];
        long first, second;
        await using (var store = FormationStore.Open(path, _time))
        {
            first = await store.StartRunAsync(TestRecords.Run("CELL-1"));
            second = await store.StartRunAsync(TestRecords.Run("CELL-2", lot: null, channel: 2));
            samples = FormationSeries.TenHours(first, seed: 1, TestRecords.Start);
            samples.ForEach(sample => store.AppendSample(sample));
            steps = samples.GroupBy(s => s.StepIndex)
                .Select(g => TestRecords.StepResult(first, g.Key, g.First().Time))
                .ToList();
            foreach (var step in steps)
            {
                await store.RecordStepResultAsync(step);
            }

            await store.CompleteRunAsync(first, RunStatus.Completed, TestRecords.Start.AddHours(10), "profile finished");
            grades.Add(await store.RecordGradeAsync(TestRecords.Grade("CELL-1", first, "B")));
            grades.Add(await store.RecordGradeAsync(TestRecords.Grade("CELL-1", first, "A")));
        }

        await using var reopened = FormationStore.Open(path, _time);

        Assert.Equal(
            [
                TestRecords.Run("CELL-1") with
                {
                    Id = first, EndedAt = TestRecords.Start.AddHours(10), Status = RunStatus.Completed, EndNote = "profile finished",
                },
                TestRecords.Run("CELL-2", lot: null, channel: 2) with { Id = second },
            ],
            reopened.GetRuns());
        Assert.Equal(steps, reopened.GetStepResults(first));
        Assert.Equal(grades, reopened.GetGrades());
        var stored = reopened.GetSamples(first);
        Assert.Equal(samples.Count, stored.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            Tolerance.AssertWithinResolution(samples[i], stored[i]);
        }
    }

    [Fact]
    public async Task DisposeStoresBufferedSamples()
    {
        var path = _directory.File("buffered.db");
        long run;
        await using (var store = FormationStore.Open(path, _time))
        {
            run = await store.StartRunAsync(TestRecords.Run());
            for (var n = 0; n < 50; n++)
            {
                store.AppendSample(TestRecords.Sample(run, 0, n));
            }

            // Nothing triggers a commit here: the clock stands still and the batch is far from full.
            Assert.Equal(50, store.BufferedSamples);
        }

        await using var reopened = FormationStore.Open(path, _time);

        Assert.Equal(0, reopened.RecoveredSamples);
        Assert.Equal(50, reopened.GetSamples(run).Count);
        Assert.Equal(1, reopened.GetSampleStorageStats(run).Blocks);
    }

    [Fact]
    public async Task CommittedDataSurvivesAKilledProcess()
    {
        var path = _directory.File("live.db");
        await using var store = FormationStore.Open(path, _time);
        var run = await store.StartRunAsync(TestRecords.Run());
        for (var n = 0; n < 7; n++)
        {
            store.AppendSample(TestRecords.Sample(run, 0, n));
        }

        await store.FlushAsync();
        var grade = await store.RecordGradeAsync(TestRecords.Grade("CELL-0001", run));

        // A copy of the files as they are now is what a killed process leaves behind (nothing closed, nothing checkpointed).
        var copy = _directory.File("copy.db");
        File.Copy(path, copy);
        File.Copy(_directory.File("live-log.db"), _directory.File("copy-log.db"));
        await using var recovered = FormationStore.Open(copy, _time);

        Assert.Equal(7, recovered.RecoveredSamples);
        Assert.Equal(7, recovered.GetSamples(run).Count);
        Assert.Equal((1L, 0L), (recovered.GetSampleStorageStats(run).Blocks, recovered.GetSampleStorageStats(run).JournalSamples));
        Assert.Equal(grade, recovered.LatestGrade("CELL-0001"));
        Assert.Equal(RunStatus.Running, recovered.FindRun(run)!.Status);
    }

    [Fact]
    public async Task RunningRunTakesSamplesAgainAfterReopening()
    {
        var path = _directory.File("resume.db");
        long running, completed;
        await using (var store = FormationStore.Open(path, _time))
        {
            running = await store.StartRunAsync(TestRecords.Run("CELL-1"));
            completed = await store.StartRunAsync(TestRecords.Run("CELL-2"));
            await store.CompleteRunAsync(completed, RunStatus.Aborted, TestRecords.Start, "operator");
        }

        await using var reopened = FormationStore.Open(path, _time);
        reopened.AppendSample(TestRecords.Sample(running, 4, 1));
        await reopened.FlushAsync();

        Assert.Single(reopened.GetSamples(running));
        Assert.Throws<ArgumentException>(() => reopened.AppendSample(TestRecords.Sample(completed, 4, 1)));
    }

    [Fact]
    public async Task ClosedStoreRefusesUse()
    {
        var store = FormationStore.Open(_directory.File("closed.db"), _time);
        var run = await store.StartRunAsync(TestRecords.Run());
        await store.DisposeAsync();
        await store.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => store.AppendSample(TestRecords.Sample(run, 0, 0)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.StartRunAsync(TestRecords.Run()));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FlushAsync());
        Assert.Throws<ObjectDisposedException>(() => store.GetRuns());
    }

    [Fact]
    public async Task SecondStoreOnTheSameFileIsRefused()
    {
        var path = _directory.File("shared.db");
        await using var first = FormationStore.Open(path, _time);

        var error = Assert.Throws<StorageException>(() => FormationStore.Open(path, _time));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("already open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNotAStoreIsRefusedNamingIt()
    {
        var path = _directory.File("readme.db");
        File.WriteAllText(path, "This is not a database.");

        var error = Assert.Throws<StorageException>(() => FormationStore.Open(path, _time));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("This is not a database.", File.ReadAllText(path));
    }

    [Fact]
    public async Task ReopenedStoreContinuesRunIdsWhereItStopped()
    {
        var path = _directory.File("ids.db");
        long before;
        await using (var store = FormationStore.Open(path, _time))
        {
            before = await store.StartRunAsync(TestRecords.Run("CELL-1"));
        }

        await using var reopened = FormationStore.Open(path, _time);

        Assert.True(await reopened.StartRunAsync(TestRecords.Run("CELL-2")) > before);
    }
}
