using LiteDB;

namespace FormationControl.Storage.Tests;

public sealed class SampleJournalRecoveryTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly LiteDatabase _database;
    private readonly StoreCollections _collections;

    public SampleJournalRecoveryTests()
    {
        _database = new LiteDatabase(new ConnectionString { Filename = _directory.File("recover.db"), Connection = ConnectionType.Direct });
        _collections = new StoreCollections(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void EmptyJournalWritesNothing()
    {
        Assert.Equal(0, SampleJournalRecovery.Recover(_database, 256));

        Assert.Equal(0, _collections.Samples.Count());
    }

    [Fact]
    public void JournalLeftBehindBecomesBlocksByRunStepAndSize()
    {
        // What a killed store leaves: two flushes, runs interleaved, run 1 changing step in the second.
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, 1, 0, 0, 3);
        Add(buffer, 2, 0, 0, 4);
        Commit(buffer);
        Add(buffer, 1, 0, 3, 2);
        Add(buffer, 1, 1, 5, 2);
        Add(buffer, 2, 0, 4, 3);
        Commit(buffer);

        var recovered = SampleJournalRecovery.Recover(_database, blockSize: 5);

        Assert.Equal(14, recovered);
        Assert.Equal(0, _collections.Journal.Count());
        var blocks = _collections.Samples.FindAll()
            .Select(block => (block[SampleBlockDocument.Run].AsInt64, SampleBlockDocument.StepOf(block), SampleBlockDocument.CountOf(block)))
            .Order()
            .ToList();
        Assert.Equal([(1L, 0, 5), (1L, 1, 2), (2L, 0, 2), (2L, 0, 5)], blocks);
        var run1 = new List<QuantisedSample>();
        foreach (var block in _collections.Samples.Find(Query.EQ(SampleBlockDocument.Run, 1L)).OrderBy(b => b["t"].AsInt64))
        {
            SampleBlockDocument.Decode(block, run1);
        }

        Assert.Equal(
            Enumerable.Range(0, 7).Select(n => QuantisedSample.From(TestRecords.Sample(1, n < 5 ? 0 : 1, n))),
            run1);
    }

    private static void Add(SampleBlockBuffer buffer, long run, int step, int from, int count)
    {
        for (var n = from; n < from + count; n++)
        {
            buffer.Add(QuantisedSample.From(TestRecords.Sample(run, step, n)));
        }
    }

    private void Commit(SampleBlockBuffer buffer)
    {
        Assert.True(_database.BeginTrans());
        buffer.Write(_collections);
        Assert.True(_database.Commit());
        buffer.Committed();
    }
}
