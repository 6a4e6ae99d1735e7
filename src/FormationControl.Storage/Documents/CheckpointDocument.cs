using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="RunCheckpointRecord"/> to and from its document, keyed by the run id.</summary>
internal static class CheckpointDocument
{
    public static BsonDocument From(RunCheckpointRecord checkpoint) => new()
    {
        ["_id"] = checkpoint.RunId,
        ["savedAt"] = BsonTime.Format(checkpoint.SavedAt),
        ["content"] = checkpoint.Content,
    };

    public static RunCheckpointRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.CheckpointsName, document);
        return new RunCheckpointRecord(read.Int64("_id"), read.Time("savedAt"), read.String("content"));
    }
}
