using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace FormationControl.Storage.Tests;

public sealed class StoreWriterTests(ITestOutputHelper output) : IDisposable
{
    private static readonly FormationStoreOptions NoCheckpoints = new() { CheckpointInterval = null };
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(TestRecords.Start);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SamplesAreCommittedWhenTheFlushIntervalElapses()
    {
        await using var store = FormationStore.Open(_directory.File("interval.db"), _time, NoCheckpoints);
        var commits = new CommitLog(store);
        var run = await store.StartRunAsync(TestRecords.Run());
        Assert.Equal(CommitReason.Requested, (await commits.NextAsync()).Reason);
        for (var n = 0; n < 3; n++)
        {
            store.AppendSample(TestRecords.Sample(run, 0, n));
        }

        _time.Advance(TimeSpan.FromMilliseconds(999));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var commit = await commits.NextAsync();

        Assert.Equal((CommitReason.FlushInterval, 3, 0), (commit.Reason, commit.Samples, commit.Records));
        Assert.Equal(TestRecords.Start.AddSeconds(1), commit.CommittedAt);
        Assert.Equal(3, store.GetSamples(run).Count);
    }

    [Fact]
    public async Task NothingIsCommittedBeforeTheIntervalEnds()
    {
        await using var store = FormationStore.Open(_directory.File("early.db"), _time, NoCheckpoints);
        var run = await store.StartRunAsync(TestRecords.Run());
        var commits = new CommitLog(store);
        store.AppendSample(TestRecords.Sample(run, 0, 0));
        store.AppendSample(TestRecords.Sample(run, 0, 1));

        _time.Advance(TimeSpan.FromMilliseconds(999));
        await store.FlushAsync();

        // Had the samples been committed before the interval ended, the flush would have found them stored.
        var commit = Assert.Single(commits.TakeAll());
        Assert.Equal((CommitReason.Requested, 2, 0), (commit.Reason, commit.Samples, commit.Records));
    }

    [Fact]
    public async Task FullBatchIsCommittedWithoutWaiting()
    {
        await using var store = FormationStore.Open(_directory.File("batch.db"), _time, new FormationStoreOptions { MaxBatch = 5, CheckpointInterval = null });
        var run = await store.StartRunAsync(TestRecords.Run());
        var commits = new CommitLog(store);

        for (var n = 0; n < 12; n++)
        {
            store.AppendSample(TestRecords.Sample(run, 0, n));
        }

        Assert.Equal((CommitReason.BatchFull, 5), Summary(await commits.NextAsync()));
        Assert.Equal((CommitReason.BatchFull, 5), Summary(await commits.NextAsync()));
        await store.FlushAsync();
        Assert.Equal((CommitReason.Requested, 2), Summary(await commits.NextAsync()));
        Assert.Equal(12, store.GetSamples(run).Count);
    }

    [Fact]
    public async Task FlushWithNothingWaitingCommitsNothing()
    {
        await using var store = FormationStore.Open(_directory.File("idle.db"), _time, NoCheckpoints);
        var commits = new CommitLog(store);

        await store.FlushAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        await store.FlushAsync();

        Assert.Empty(commits.TakeAll());
    }

    [Fact]
    public async Task CheckpointIntervalMovesTheLogIntoTheDataFile()
    {
        var options = new FormationStoreOptions { CheckpointInterval = TimeSpan.FromMinutes(5) };
        await using var store = FormationStore.Open(_directory.File("checkpoint.db"), _time, options);
        var run = await store.StartRunAsync(TestRecords.Run());
        store.AppendSample(TestRecords.Sample(run, 0, 0));
        await store.FlushAsync();
        var log = new FileInfo(_directory.File("checkpoint-log.db"));
        Assert.True(log.Length > 0);

        _time.Advance(TimeSpan.FromMinutes(5));
        await store.FlushAsync(); // queued behind the checkpoint tick

        log.Refresh();
        Assert.Equal(0, log.Length);
        Assert.Single(store.GetSamples(run));
    }

    [Fact]
    public async Task WriteFailureFailsItsRecordsKeepsSamplesAndRecovers()
    {
        var path = _directory.File("failing.db");
        var logPath = _directory.File("failing-log.db");
        long run;
        await using (var setup = FormationStore.Open(path, _time))
        {
            run = await setup.StartRunAsync(TestRecords.Run("CELL-1"));
        }

        // LiteDB opens its log file on the first write after opening; a directory in its place makes
        // that write fail for real (root ignores permissions, so a read-only file would not).
        Assert.False(File.Exists(logPath));
        Directory.CreateDirectory(logPath);
        await using var store = FormationStore.Open(path, _time, new FormationStoreOptions { MaxBufferedSamples = 10, CheckpointInterval = null });
        for (var n = 0; n < 10; n++)
        {
            store.AppendSample(TestRecords.Sample(run, 0, n));
        }

        var refused = await Assert.ThrowsAsync<StorageException>(() => store.StartRunAsync(TestRecords.Run("CELL-2")));

        Assert.Equal(path, refused.FilePath);
        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("10 sample(s) are kept", refused.Message, StringComparison.Ordinal);
        Assert.Same(refused, store.Fault);
        Assert.Equal(10, store.BufferedSamples);
        await Assert.ThrowsAsync<StorageException>(() => store.FlushAsync());
        var full = Assert.Throws<StorageException>(() => store.AppendSample(TestRecords.Sample(run, 0, 10)));
        Assert.Contains("refused rather than dropped", full.Message, StringComparison.Ordinal);
        Assert.Empty(store.GetSamples(run));
        Assert.Single(store.GetRuns());

        Directory.Delete(logPath);
        await store.FlushAsync();

        Assert.Null(store.Fault);
        Assert.Equal(0, store.BufferedSamples);
        Assert.Equal(10, store.GetSamples(run).Count);
        Assert.Single(store.GetRuns());
        Assert.True(await store.StartRunAsync(TestRecords.Run("CELL-2")) > run);
    }

    [Fact]
    public async Task FailedSamplesAreRetriedAtTheNextInterval()
    {
        var path = _directory.File("retry.db");
        var logPath = _directory.File("retry-log.db");
        long run;
        await using (var setup = FormationStore.Open(path, _time))
        {
            run = await setup.StartRunAsync(TestRecords.Run());
        }

        Directory.CreateDirectory(logPath);
        await using var store = FormationStore.Open(path, _time, NoCheckpoints);
        var commits = new CommitLog(store);
        store.AppendSample(TestRecords.Sample(run, 0, 0));
        await Assert.ThrowsAsync<StorageException>(() => store.FlushAsync());

        Directory.Delete(logPath);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((CommitReason.FlushInterval, 1), Summary(await commits.NextAsync()));
        Assert.Null(store.Fault);
        Assert.Single(store.GetSamples(run));
    }

    [Fact]
    public async Task ClosingWhileTheFileFailsReportsTheSamplesItCouldNotStore()
    {
        var path = _directory.File("lost.db");
        long run;
        await using (var setup = FormationStore.Open(path, _time))
        {
            run = await setup.StartRunAsync(TestRecords.Run());
        }

        Directory.CreateDirectory(_directory.File("lost-log.db"));
        var store = FormationStore.Open(path, _time, NoCheckpoints);
        store.AppendSample(TestRecords.Sample(run, 0, 0));
        store.AppendSample(TestRecords.Sample(run, 0, 1));

        var error = await Assert.ThrowsAsync<StorageException>(async () => await store.DisposeAsync());

        Assert.Contains("2 sample(s) could not be stored", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingCommitHandlerDoesNotStopTheWriter()
    {
        await using var store = FormationStore.Open(_directory.File("handler.db"), _time, NoCheckpoints);
        store.Committed += (_, _) => throw new InvalidOperationException("subscriber bug");

        var first = await store.StartRunAsync(TestRecords.Run("CELL-1"));
        var second = await store.StartRunAsync(TestRecords.Run("CELL-2"));

        Assert.Equal(2, store.GetRuns().Count);
        Assert.True(second > first);
    }

    [Fact]
    public async Task ThousandChannelsAtOneHertzKeepUpWithRealTime()
    {
        const int Channels = 1000;
        const int Seconds = 30;
        var clock = Stopwatch.StartNew();
        var path = _directory.File("plant.db");
        await using (var store = FormationStore.Open(path, _time, NoCheckpoints))
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, Channels).Select(c => store.StartRunAsync(TestRecords.Run($"CELL-{c:D4}", channel: c))));
            for (var second = 0; second < Seconds; second++)
            {
                foreach (var run in runs)
                {
                    store.AppendSample(TestRecords.Sample(run, 0, second));
                }

                // What the 1 s flush interval does; awaiting it makes every second pay for its own commit.
                await store.FlushAsync();
            }
        }

        var elapsed = clock.Elapsed;
        await using var reopened = FormationStore.Open(path, _time);
        var stats = reopened.GetSampleStorageStats();
        output.WriteLine($"{Channels} channels x {Seconds} s at 1 Hz: {elapsed.TotalSeconds:F2} s wall time; {stats}");

        Assert.Equal(Channels * Seconds, stats.Samples);
        Assert.Equal(Channels, stats.Blocks);
        Assert.True(elapsed < TimeSpan.FromSeconds(Seconds), $"{Seconds} s of data took {elapsed.TotalSeconds:F1} s to store");
    }

    private static (CommitReason, int) Summary(StoreCommittedEventArgs commit) => (commit.Reason, commit.Samples);
}
