using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="RunRecord"/> to and from its document in the runs collection.</summary>
internal static class RunDocument
{
    public const string Cell = "cell";
    public const string Status = "status";
    public const string EndedAt = "endedAt";
    public const string EndNote = "endNote";

    /// <summary>The document of a new run; LiteDB assigns its id.</summary>
    public static BsonDocument ForNewRun(RunRecord run) => new()
    {
        [Cell] = run.CellId,
        ["lot"] = run.Lot,
        ["unit"] = run.UnitName,
        ["channel"] = run.Channel,
        ["profile"] = run.ProfileName,
        ["profileVersion"] = run.ProfileVersion,
        ["profileHash"] = run.ProfileHash,
        ["startedAt"] = BsonTime.Format(run.StartedAt),
        [EndedAt] = run.EndedAt is { } ended ? BsonTime.Format(ended) : BsonValue.Null,
        [Status] = run.Status.ToString(),
        [EndNote] = run.EndNote,
    };

    public static RunRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.RunsName, document);
        return new RunRecord(
            read.Int64("_id"),
            read.String(Cell),
            read.OptionalString("lot"),
            read.String("unit"),
            read.Int32("channel"),
            read.String("profile"),
            read.String("profileVersion"),
            read.String("profileHash"),
            read.Time("startedAt"),
            read.OptionalTime(EndedAt),
            read.Enum<RunStatus>(Status),
            read.OptionalString(EndNote));
    }
}
