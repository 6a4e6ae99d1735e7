using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="HandoffRecord"/> to and from its document; the id is the key "lot/version".</summary>
internal static class HandoffDocument
{
    public const string Status = "status";

    public static BsonDocument From(HandoffRecord h) => new()
    {
        ["_id"] = h.Key,
        ["lot"] = h.Lot,
        ["lotVersion"] = h.LotVersion,
        ["recipeHash"] = h.RecipeHash,
        ["cells"] = h.Cells,
        ["files"] = new BsonArray(h.Files.Select(f => new BsonValue(f))),
        ["sha256"] = h.ContentSha256,
        ["createdAt"] = BsonTime.Format(h.CreatedAt),
        [Status] = h.Status.ToString(),
        ["deliveredAt"] = h.DeliveredAt is { } at ? BsonTime.Format(at) : BsonValue.Null,
        ["target"] = h.Target,
        ["attempts"] = h.Attempts,
        ["lastError"] = h.LastError,
    };

    public static HandoffRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.HandoffsName, document);
        return new HandoffRecord(
            read.String("lot"), read.Int32("lotVersion"), read.String("recipeHash"), read.Int32("cells"),
            document["files"].IsArray ? [.. document["files"].AsArray.Select(f => f.AsString)] : [],
            read.String("sha256"), read.Time("createdAt"), read.Enum<HandoffStatus>(Status), read.OptionalTime("deliveredAt"),
            read.OptionalString("target"), read.Int32("attempts"), read.OptionalString("lastError"));
    }
}
