using LiteDB;

namespace FormationControl.Storage.Tests;

public sealed class SampleJournalWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly LiteDatabase _database;

    public SampleJournalWriterTests() =>
        _database = new LiteDatabase(new ConnectionString { Filename = _directory.File("journal.db"), Connection = ConnectionType.Direct });

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void NothingCollectedWritesNothing()
    {
        var journal = new StoreCollections(_database).Journal;
        var writer = new SampleJournalWriter(journal);

        writer.Finish();

        Assert.Equal((0, 0L, 0), (writer.Documents, writer.Bytes, journal.Count()));
    }

    [Fact]
    public void LargeJournalIsCutIntoDocumentsBelowTheLimit()
    {
        var journal = new StoreCollections(_database).Journal;
        var writer = new SampleJournalWriter(journal);
        var encoder = new SampleBlockEncoder();
        for (var n = 0; n < 4000; n++)
        {
            encoder.Append(QuantisedSample.From(TestRecords.Sample(1, 0, n)));
        }

        var segment = new List<byte>();
        SampleJournal.AppendSegment(segment, 1, 0, encoder);
        var perDocument = (SampleJournal.MaxDocumentBytes + segment.Count - 1) / segment.Count;
        var segments = (3 * perDocument) + 1;
        for (var run = 0; run < segments; run++)
        {
            writer.Add(run, 0, encoder);
        }

        writer.Finish();

        // Every document but the last is cut right after it reaches the limit.
        var sizes = journal.FindAll().OrderBy(d => d["_id"].AsInt64).Select(d => d[SampleJournal.Payload].AsBinary.Length).ToList();
        Assert.Equal(writer.Documents, sizes.Count);
        Assert.Equal(4, sizes.Count);
        Assert.All(sizes[..^1], size => Assert.InRange(size, SampleJournal.MaxDocumentBytes, SampleJournal.MaxDocumentBytes + segment.Count));
        Assert.Equal(sizes.Sum(size => (long)size), writer.Bytes);
        var decoded = new List<QuantisedSample>();
        foreach (var document in journal.FindAll())
        {
            SampleJournal.Decode(document, null, decoded);
        }

        Assert.Equal(segments * 4000, decoded.Count);
    }
}
