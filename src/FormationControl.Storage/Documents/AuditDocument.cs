using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="AuditRecord"/> to and from its document in the audit collection.</summary>
internal static class AuditDocument
{
    public static BsonDocument From(AuditRecord audit) => new()
    {
        ["time"] = BsonTime.Format(audit.Time),
        ["operator"] = audit.Operator,
        ["role"] = audit.Role,
        ["action"] = audit.Action,
        ["target"] = audit.Target,
        ["run"] = audit.RunId is { } run ? run : BsonValue.Null,
        ["accepted"] = audit.Accepted,
        ["detail"] = audit.Detail,
    };

    public static AuditRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.AuditName, document);
        return new AuditRecord(
            read.Int64("_id"),
            read.Time("time"),
            read.String("operator"),
            read.String("role"),
            read.String("action"),
            read.String("target"),
            document["run"].IsNull ? null : read.Int64("run"),
            document["accepted"].IsBoolean ? document["accepted"].AsBoolean : throw new InvalidDataException($"Document {StoreCollections.AuditName}/{DocumentReader.IdOf(document)}: field 'accepted' is not a boolean."),
            read.String("detail"));
    }
}
