using LiteDB;

namespace FormationControl.Storage.Tests;

public class RunDocumentTests
{
    [Fact]
    public void RunRoundTripsThroughBsonBytesExactly()
    {
        var run = TestRecords.Run() with { StartedAt = TestRecords.Start.AddTicks(1_234_567) };

        var restored = RunDocument.ToRecord(ThroughBytes(RunDocument.ForNewRun(run), id: 17));

        Assert.Equal(run with { Id = 17 }, restored);
        Assert.Equal(run.StartedAt.Offset, restored.StartedAt.Offset);
        Assert.Equal(run.StartedAt.UtcTicks, restored.StartedAt.UtcTicks);
    }

    [Fact]
    public void EndedRunWithoutLotRoundTrips()
    {
        var ended = TestRecords.Start.AddHours(20).ToOffset(TimeSpan.FromHours(-5));
        var run = TestRecords.Run(lot: null) with { EndedAt = ended, Status = RunStatus.Faulted, EndNote = "OTP latched on channel 4" };

        var restored = RunDocument.ToRecord(ThroughBytes(RunDocument.ForNewRun(run), id: 3));

        Assert.Equal(run with { Id = 3 }, restored);
        Assert.Equal(TimeSpan.FromHours(-5), restored.EndedAt!.Value.Offset);
    }

    [Fact]
    public void UnknownStatusNamesTheDocumentAndField()
    {
        var document = RunDocument.ForNewRun(TestRecords.Run());
        document["_id"] = 9L;
        document[RunDocument.Status] = "Exploded";

        var error = Assert.Throws<InvalidDataException>(() => RunDocument.ToRecord(document));

        Assert.Contains("runs/9", error.Message, StringComparison.Ordinal);
        Assert.Contains("'status'", error.Message, StringComparison.Ordinal);
    }

    internal static BsonDocument ThroughBytes(BsonDocument document, long id)
    {
        document["_id"] = id;
        return BsonSerializer.Deserialize(BsonSerializer.Serialize(document));
    }
}
