using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace FormationControl.Storage.Tests;

public sealed class FormationStoreQueriesTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(TestRecords.Start);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task StepResultsComeInTheOrderTheyRan()
    {
        await using var store = FormationStore.Open(_directory.File("steps.db"), _time);
        var run = await store.StartRunAsync(TestRecords.Run());
        var t = TestRecords.Start;

        // A loop runs steps 1 and 2 twice; results arrive in execution order.
        foreach (var (step, hours) in new[] { (0, 0), (1, 1), (2, 2), (1, 3), (2, 4), (3, 5) })
        {
            await store.RecordStepResultAsync(TestRecords.StepResult(run, step, t.AddHours(hours), label: $"h{hours}"));
        }

        var labels = store.GetStepResults(run).Select(result => result.Label);

        Assert.Equal(["h0", "h1", "h2", "h3", "h4", "h5"], labels);
    }

    [Fact]
    public async Task SamplesComeInTimeOrderFromBlocksAndJournal()
    {
        var path = _directory.File("order.db");
        var options = new FormationStoreOptions { SampleBlockSize = 4 };
        long run;
        await using (var store = FormationStore.Open(path, _time, options))
        {
            run = await store.StartRunAsync(TestRecords.Run());
            Append(store, run, 0, 0, 6);
            Append(store, run, 1, 10, 3);
        }

        await using var reopened = FormationStore.Open(path, _time, options);

        // The profile loops back to step 0: these samples are older than step 1's but arrive after them.
        Append(reopened, run, 0, 6, 3);
        await reopened.FlushAsync();

        var stats = reopened.GetSampleStorageStats(run);
        Assert.Equal((3L, 9L, 3L), (stats.Blocks, stats.Samples, stats.JournalSamples));
        Assert.Equal([.. Enumerable.Range(0, 9), 10, 11, 12], reopened.GetSamples(run).Select(sample => (int)sample.StepTimeS));
        Assert.Equal(Enumerable.Range(0, 9), reopened.GetSamples(run, 0).Select(sample => (int)sample.StepTimeS));
        Assert.Equal([10, 11, 12], reopened.GetSamples(run, 1).Select(sample => (int)sample.StepTimeS));
        Assert.Empty(reopened.GetSamples(run, 2));
        Assert.Empty(reopened.GetSamples(run + 1));
    }

    [Fact]
    public async Task RunsComeInIdOrderAndMissingOnesAreReported()
    {
        await using var store = FormationStore.Open(_directory.File("runs.db"), _time);
        var ids = new List<long>();
        foreach (var cell in new[] { "C", "A", "B" })
        {
            ids.Add(await store.StartRunAsync(TestRecords.Run(cell)));
        }

        Assert.Equal(["C", "A", "B"], store.GetRuns().Select(run => run.CellId));
        Assert.Equal(ids, store.GetRuns().Select(run => run.Id));
        Assert.Null(store.FindRun(ids.Max() + 1));
        Assert.False(store.TryGetRun(ids.Max() + 1, out _));
    }

    [Fact]
    public async Task GradesAreFoundByLotAndLatestByCell()
    {
        await using var store = FormationStore.Open(_directory.File("grades.db"), _time);
        var run = await store.StartRunAsync(TestRecords.Run());
        var a1 = await store.RecordGradeAsync(TestRecords.Grade("CELL-A", run, "B", lot: "LOT-1"));
        var b1 = await store.RecordGradeAsync(TestRecords.Grade("CELL-B", run, "A", lot: "LOT-2"));
        var a2 = await store.RecordGradeAsync(TestRecords.Grade("CELL-A", run, "A", lot: "LOT-1"));
        var c1 = await store.RecordGradeAsync(TestRecords.Grade("CELL-C", run, "C", lot: null));

        Assert.Equal([a1, a2], store.GetGrades("LOT-1"));
        Assert.Equal([b1], store.GetGrades("LOT-2"));
        Assert.Empty(store.GetGrades("LOT-3"));
        Assert.Equal([a1, b1, a2, c1], store.GetGrades());
        Assert.Equal(a2, store.LatestGrade("CELL-A"));
        Assert.Null(store.LatestGrade("CELL-Z"));
    }

    [Fact]
    public async Task ReadersSeeWholeCommitsWhileTheWriterWrites()
    {
        await using var store = FormationStore.Open(_directory.File("concurrent.db"), _time);
        var run = await store.StartRunAsync(TestRecords.Run());
        var writing = Task.Run(async () =>
        {
            for (var round = 0; round < 100; round++)
            {
                Append(store, run, 0, round * 10, 10);
                await store.FlushAsync();
            }
        });

        var seen = new List<int>();
        while (!writing.IsCompleted)
        {
            seen.Add(store.GetSamples(run).Count);
        }

        await writing;
        seen.Add(store.GetSamples(run).Count);

        // Each round is committed in one transaction: a reader sees all of it or none of it.
        Assert.All(seen, count => Assert.Equal(0, count % 10));
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(1000, seen[^1]);
    }

    [Fact]
    public async Task RealisticSeriesTakesUnder32BytesPerSample()
    {
        var path = _directory.File("series.db");
        long run;
        var series = new List<SampleRecord>();
        await using (var store = FormationStore.Open(path, _time))
        {
            run = await store.StartRunAsync(TestRecords.Run());
            series = FormationSeries.TenHours(run, seed: 7, TestRecords.Start);
            series.ForEach(sample => store.AppendSample(sample));
        }

        await using var reopened = FormationStore.Open(path, _time);
        var stats = reopened.GetSampleStorageStats(run);
        output.WriteLine($"10 h at 30 s, one run: {stats} -> {stats.DocumentBytesPerSample:F2} BSON bytes/sample");

        Assert.Equal(series.Count, stats.Samples);
        Assert.True(stats.DocumentBytesPerSample < 32, $"{stats.DocumentBytesPerSample:F2} bytes per sample");
    }

    [Fact]
    public async Task StoreFileGrowsByUnder32BytesPerSample()
    {
        const int Cells = 40;
        var baselinePath = _directory.File("baseline.db");
        var fullPath = _directory.File("full.db");
        await using (var baseline = FormationStore.Open(baselinePath, _time))
        {
            await StartRuns(baseline, Cells);
        }

        long samples = 0;
        await using (var store = FormationStore.Open(fullPath, _time))
        {
            var runs = await StartRuns(store, Cells);
            var series = runs.Select((run, cell) => FormationSeries.TenHours(run, seed: cell, TestRecords.Start)).ToList();

            // As the controller logs them: every 30 s a sample of each cell, committed by the next flush.
            for (var tick = 0; tick < series[0].Count; tick++)
            {
                foreach (var cell in series)
                {
                    store.AppendSample(cell[tick]);
                    samples++;
                }

                await store.FlushAsync();
            }
        }

        var growth = new FileInfo(fullPath).Length - new FileInfo(baselinePath).Length;
        var bytesPerSample = (double)growth / samples;
        output.WriteLine($"{Cells} cells x 10 h at 30 s = {samples} samples, flushed every tick: data file grew {growth} bytes = {bytesPerSample:F2} bytes/sample");

        Assert.False(File.Exists(_directory.File("full-log.db")));
        Assert.True(bytesPerSample < 32, $"{bytesPerSample:F2} bytes per sample on disk");
    }

    [Fact]
    public async Task StatsCoverOneRunOrTheWholeStore()
    {
        await using var store = FormationStore.Open(_directory.File("stats.db"), _time);
        var first = await store.StartRunAsync(TestRecords.Run("CELL-1"));
        var second = await store.StartRunAsync(TestRecords.Run("CELL-2"));
        Append(store, first, 0, 0, 5);
        Append(store, second, 0, 0, 3);
        await store.CompleteRunAsync(first, RunStatus.Completed, TestRecords.Start, null);

        Assert.Equal(5, store.GetSampleStorageStats(first).JournalSamples);
        Assert.Equal(3, store.GetSampleStorageStats(second).JournalSamples);
        Assert.Equal(8, store.GetSampleStorageStats().JournalSamples);
        Assert.True(store.GetSampleStorageStats().FileBytes > 0);
    }

    private static void Append(FormationStore store, long run, int step, int from, int count)
    {
        for (var n = from; n < from + count; n++)
        {
            store.AppendSample(TestRecords.Sample(run, step, n));
        }
    }

    private static Task<long[]> StartRuns(FormationStore store, int cells) =>
        Task.WhenAll(Enumerable.Range(0, cells).Select(cell => store.StartRunAsync(TestRecords.Run($"CELL-{cell:D3}", channel: cell))));
}
