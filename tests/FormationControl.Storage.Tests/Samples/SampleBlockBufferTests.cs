using LiteDB;

namespace FormationControl.Storage.Tests;

public sealed class SampleBlockBufferTests : IDisposable
{
    private const long Run = 5;
    private readonly TempDirectory _directory = new();
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _blocks;

    public SampleBlockBufferTests()
    {
        _database = new LiteDatabase(new ConnectionString { Filename = _directory.File("buffer.db"), Connection = ConnectionType.Direct });
        _blocks = _database.GetCollection("samples", BsonAutoId.Int64);
    }

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void FragmentsAreReplacedByOneBlockWhenTheBlockCloses()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, 0, 0, 3);
        Commit(buffer);
        Add(buffer, 0, 3, 2);
        Commit(buffer);
        Assert.Equal([3, 2], Counts());

        buffer.CloseRun(Run);
        Commit(buffer);

        Assert.Equal([5], Counts());
        AssertStored(Enumerable.Range(0, 5).Select(n => TestRecords.Sample(Run, 0, n)));
    }

    [Fact]
    public void NewStepClosesThePreviousStepsBlock()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, 0, 0, 3);
        Add(buffer, 1, 3, 2);

        Commit(buffer);

        Assert.False(buffer.HasWork);
        Assert.Equal([(0, 3), (1, 2)], _blocks.FindAll().Select(b => (SampleBlockDocument.StepOf(b), SampleBlockDocument.CountOf(b))));
    }

    [Fact]
    public void FullBlockClosesAtTheBlockSize()
    {
        var buffer = new SampleBlockBuffer(4);
        for (var n = 0; n < 10; n++)
        {
            Add(buffer, 0, n, 1);
            Commit(buffer);
        }

        Assert.Equal([4, 4, 1, 1], Counts());

        buffer.CloseAll();
        Commit(buffer);

        Assert.Equal([4, 4, 2], Counts());
        AssertStored(Enumerable.Range(0, 10).Select(n => TestRecords.Sample(Run, 0, n)));
    }

    [Fact]
    public void ClosingAnotherStepLeavesTheOpenBlockOpen()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, 0, 0, 3);
        Commit(buffer);

        buffer.CloseRun(Run, stepIndex: 7);
        Add(buffer, 0, 3, 1);
        Commit(buffer);

        Assert.Equal([3, 1], Counts());
    }

    [Fact]
    public void BlockWhoseOnlyFragmentHoldsItAllIsNotRewritten()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, 0, 0, 3);
        Commit(buffer);
        var fragmentId = _blocks.FindAll().Single()["_id"];

        buffer.CloseRun(Run);

        Assert.False(buffer.HasWork);
        Assert.Equal(fragmentId, _blocks.FindAll().Single()["_id"]);
    }

    [Fact]
    public void RolledBackWriteIsWrittenAgainAndMergedCorrectly()
    {
        var buffer = new SampleBlockBuffer(256);
        Add(buffer, 0, 0, 3);
        Assert.True(_database.BeginTrans());
        buffer.Write(_blocks);
        Assert.True(_database.Rollback());
        buffer.Abandon();

        Assert.Empty(Counts());
        Assert.Equal(3, buffer.UncommittedSamples);

        Commit(buffer);
        Add(buffer, 0, 3, 2);
        buffer.CloseRun(Run);
        Commit(buffer);

        Assert.Equal([5], Counts());
        AssertStored(Enumerable.Range(0, 5).Select(n => TestRecords.Sample(Run, 0, n)));
    }

    private static void Add(SampleBlockBuffer buffer, int step, int from, int count)
    {
        for (var n = from; n < from + count; n++)
        {
            buffer.Add(QuantisedSample.From(TestRecords.Sample(Run, step, n)));
        }
    }

    private void Commit(SampleBlockBuffer buffer)
    {
        Assert.True(_database.BeginTrans());
        buffer.Write(_blocks);
        Assert.True(_database.Commit());
        buffer.Committed();
    }

    private List<int> Counts() => _blocks.FindAll().OrderBy(b => b["_id"].AsInt64).Select(SampleBlockDocument.CountOf).ToList();

    private void AssertStored(IEnumerable<SampleRecord> expected)
    {
        var stored = new List<SampleRecord>();
        foreach (var block in _blocks.FindAll().OrderBy(b => b["t"].AsInt64))
        {
            SampleBlockDocument.Decode(block, stored);
        }

        var wanted = expected.ToList();
        Assert.Equal(wanted.Count, stored.Count);
        for (var i = 0; i < wanted.Count; i++)
        {
            Tolerance.AssertWithinResolution(wanted[i], stored[i]);
        }
    }
}
