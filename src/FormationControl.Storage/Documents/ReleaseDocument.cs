using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="ProfileReleaseRecord"/> to and from its document, keyed by the profile hash.</summary>
internal static class ReleaseDocument
{
    public static BsonDocument From(ProfileReleaseRecord release) => new()
    {
        ["_id"] = release.ProfileHash,
        ["name"] = release.ProfileName,
        ["version"] = release.ProfileVersion,
        ["by"] = release.ReleasedBy,
        ["at"] = BsonTime.Format(release.ReleasedAt),
    };

    public static ProfileReleaseRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.ReleasesName, document);
        return new ProfileReleaseRecord(read.String("_id"), read.String("name"), read.String("version"), read.String("by"), read.Time("at"));
    }
}
