using LiteDB;

namespace FormationControl.Storage.Tests;

public class SampleJournalTests
{
    [Fact]
    public void SegmentsOfSeveralRunsRoundTripInOrder()
    {
        var document = Journal((1, 0, 0, 3), (2, 4, 10, 2), (1, 1, 3, 2));
        var decoded = new List<QuantisedSample>();

        SampleJournal.Decode(document, runId: null, decoded);

        var expected = Samples(1, 0, 0, 3).Concat(Samples(2, 4, 10, 2)).Concat(Samples(1, 1, 3, 2)).ToList();
        Assert.Equal(expected.Select(sample => QuantisedSample.From(sample)), decoded);
    }

    [Fact]
    public void OneRunCanBePickedOut()
    {
        var document = Journal((1, 0, 0, 3), (2, 4, 10, 2), (1, 1, 3, 2));
        var decoded = new List<QuantisedSample>();

        SampleJournal.Decode(document, runId: 2, decoded);

        Assert.Equal(Samples(2, 4, 10, 2).Select(sample => QuantisedSample.From(sample)), decoded);
    }

    [Fact]
    public void DamagedDocumentIsNamed()
    {
        var document = Journal((1, 0, 0, 3));
        var payload = document[SampleJournal.Payload].AsBinary;
        document[SampleJournal.Payload] = payload[..^2];

        var error = Assert.Throws<InvalidDataException>(() => SampleJournal.Decode(document, null, new List<QuantisedSample>()));

        Assert.StartsWith("Document journal/12: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentClaimingMoreBytesThanRemainIsRefused()
    {
        var bytes = new List<byte>();
        var encoder = new SampleBlockEncoder();
        encoder.Append(QuantisedSample.From(TestRecords.Sample(1, 0, 0)));
        SampleJournal.AppendSegment(bytes, 1, 0, encoder);
        bytes.RemoveAt(bytes.Count - 1);
        var document = new BsonDocument { ["_id"] = 3L, [SampleJournal.Payload] = bytes.ToArray() };

        var error = Assert.Throws<InvalidDataException>(() => SampleJournal.Decode(document, null, new List<QuantisedSample>()));

        Assert.Contains("remain", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<SampleRecord> Samples(long run, int step, int from, int count) =>
        Enumerable.Range(from, count).Select(n => TestRecords.Sample(run, step, n));

    private static BsonDocument Journal(params (long Run, int Step, int From, int Count)[] segments)
    {
        var bytes = new List<byte>();
        foreach (var (run, step, from, count) in segments)
        {
            var encoder = new SampleBlockEncoder();
            foreach (var sample in Samples(run, step, from, count))
            {
                encoder.Append(QuantisedSample.From(sample));
            }

            SampleJournal.AppendSegment(bytes, run, step, encoder);
        }

        return new BsonDocument { ["_id"] = 12L, [SampleJournal.Payload] = bytes.ToArray() };
    }
}
