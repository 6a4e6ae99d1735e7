using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="StoredProfileRecord"/> to and from its document, keyed by the profile hash.</summary>
internal static class ProfileDocument
{
    public static BsonDocument From(StoredProfileRecord profile) => new()
    {
        ["_id"] = profile.ProfileHash,
        ["name"] = profile.ProfileName,
        ["version"] = profile.ProfileVersion,
        ["canonical"] = profile.CanonicalText,
        ["storedAt"] = BsonTime.Format(profile.StoredAt),
    };

    public static StoredProfileRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.ProfilesName, document);
        return new StoredProfileRecord(read.String("_id"), read.String("name"), read.String("version"), read.String("canonical"), read.Time("storedAt"));
    }
}
