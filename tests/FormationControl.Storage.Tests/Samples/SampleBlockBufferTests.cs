using LiteDB;

namespace FormationControl.Storage.Tests;

public sealed class SampleBlockBufferTests : IDisposable
{
    private const long Run = 5;
    private readonly TempDirectory _directory = new();
    private readonly LiteDatabase _database;
    private readonly StoreCollections _collections;

    public SampleBlockBufferTests()
    {
        _database = new LiteDatabase(new ConnectionString { Filename = _directory.File("buffer.db"), Connection = ConnectionType.Direct });
        _collections = new StoreCollections(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void CommitAppendsOneJournalDocumentForAllRuns()
    {
        var buffer = new SampleBlockBuffer(256);
        for (var run = 1; run <= 3; run++)
        {
            Add(buffer, run, 0, 0, 2);
        }

        Commit(buffer);

        Assert.Equal(1, _collections.Journal.Count());
        Assert.Equal(0, _collections.Samples.Count());
        Assert.Equal(0, buffer.UncommittedSamples);
        Assert.False(buffer.HasWork);
        AssertStored(Enumerable.Range(1, 3).SelectMany(run => Samples(run, 0, 0, 2)));
    }

    [Fact]
    public void ClosedBlocksStayInTheJournalUntilCompacted()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, Run, 0, 0, 3);
        Commit(buffer);
        Add(buffer, Run, 1, 3, 2);
        Commit(buffer);

        Assert.Equal((2, 0), (_collections.Journal.Count(), _collections.Samples.Count()));

        buffer.CloseAll();
        Assert.True(buffer.HasWork);
        Commit(buffer);

        Assert.Equal(0, _collections.Journal.Count());
        Assert.Equal([(0, 3), (1, 2)], Blocks());
        AssertStored(Samples(Run, 0, 0, 3).Concat(Samples(Run, 1, 3, 2)));
    }

    [Fact]
    public void FullBlockClosesAtTheBlockSize()
    {
        var buffer = new SampleBlockBuffer(4);
        for (var n = 0; n < 10; n++)
        {
            Add(buffer, Run, 0, n, 1);
            Commit(buffer);
        }

        buffer.CloseAll();
        Commit(buffer);

        Assert.Equal([(0, 4), (0, 4), (0, 2)], Blocks());
        AssertStored(Samples(Run, 0, 0, 10));
    }

    [Fact]
    public void ClosingAnotherStepLeavesTheOpenBlockOpen()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, Run, 0, 0, 3);

        buffer.CloseRun(Run, stepIndex: 7);
        Add(buffer, Run, 0, 3, 1);
        buffer.CloseAll();
        Commit(buffer);

        Assert.Equal([(0, 4)], Blocks());
    }

    [Fact]
    public void JournalIsCompactedOnceItOutgrowsTheOpenBlocks()
    {
        var buffer = new SampleBlockBuffer(1000);
        var expected = new List<SampleRecord>();
        var commits = 0;
        long previousDocuments;
        do
        {
            previousDocuments = _collections.Journal.Count();
            for (var run = 1; run <= 100; run++)
            {
                Add(buffer, run, 0, commits, 1);
                expected.Add(TestRecords.Sample(run, 0, commits));
            }

            Commit(buffer);
            commits++;
        }
        while (_collections.Journal.Count() > previousDocuments && commits < 100);

        // The compaction rewrote the open blocks into one fresh document and dropped the rest.
        Assert.InRange(commits, 10, 40);
        Assert.Equal(1, _collections.Journal.Count());
        Assert.Equal(0, _collections.Samples.Count());
        AssertStored(expected.OrderBy(sample => sample.RunId));
    }

    [Fact]
    public void RolledBackWriteIsWrittenAgain()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, Run, 0, 0, 3);
        RollBack(buffer);

        Assert.Equal(0, _collections.Journal.Count());
        Assert.Equal(3, buffer.UncommittedSamples);

        Commit(buffer);
        AssertStored(Samples(Run, 0, 0, 3));
    }

    [Fact]
    public void RolledBackCompactionKeepsTheJournal()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, Run, 0, 0, 3);
        Commit(buffer);
        Add(buffer, Run, 1, 3, 2);
        buffer.CloseAll();

        RollBack(buffer);

        Assert.Equal((1, 0), (_collections.Journal.Count(), _collections.Samples.Count()));
        Assert.True(buffer.HasWork);

        Commit(buffer);
        Assert.Equal((0, 2), (_collections.Journal.Count(), _collections.Samples.Count()));
        AssertStored(Samples(Run, 0, 0, 3).Concat(Samples(Run, 1, 3, 2)));
    }

    private static IEnumerable<SampleRecord> Samples(long run, int step, int from, int count) =>
        Enumerable.Range(from, count).Select(n => TestRecords.Sample(run, step, n));

    private static void Add(SampleBlockBuffer buffer, long run, int step, int from, int count)
    {
        foreach (var sample in Samples(run, step, from, count))
        {
            buffer.Add(QuantisedSample.From(sample));
        }
    }

    private void Commit(SampleBlockBuffer buffer)
    {
        Assert.True(_database.BeginTrans());
        buffer.Write(_collections);
        Assert.True(_database.Commit());
        buffer.Committed();
    }

    private void RollBack(SampleBlockBuffer buffer)
    {
        Assert.True(_database.BeginTrans());
        buffer.Write(_collections);
        Assert.True(_database.Rollback());
        buffer.Abandon();
    }

    private List<(int Step, int Count)> Blocks() =>
        _collections.Samples.FindAll()
            .OrderBy(block => block["_id"].AsInt64)
            .Select(block => (SampleBlockDocument.StepOf(block), SampleBlockDocument.CountOf(block)))
            .ToList();

    // Everything stored, blocks first and then the journal, as a query reads it.
    private void AssertStored(IEnumerable<SampleRecord> expected)
    {
        var stored = new List<QuantisedSample>();
        foreach (var block in _collections.Samples.FindAll().OrderBy(block => block["_id"].AsInt64))
        {
            SampleBlockDocument.Decode(block, stored);
        }

        foreach (var document in _collections.Journal.FindAll().OrderBy(document => document["_id"].AsInt64))
        {
            SampleJournal.Decode(document, runId: null, stored);
        }

        var wanted = expected.ToList();
        Assert.Equal(wanted.Count, stored.Count);
        for (var i = 0; i < wanted.Count; i++)
        {
            Tolerance.AssertWithinResolution(wanted[i], stored[i].ToRecord());
        }
    }
}
