using LiteDB;

namespace FormationControl.Storage;

/// <summary>Reads typed fields of a stored document; a missing or mistyped field names the document and field.</summary>
internal readonly struct DocumentReader(string collection, BsonDocument document)
{
    public string String(string field) => Optional(field, BsonType.String)?.AsString ?? throw Missing(field);

    public string? OptionalString(string field) => Optional(field, BsonType.String)?.AsString;

    public long Int64(string field)
    {
        var value = Optional(field, BsonType.Int64, BsonType.Int32) ?? throw Missing(field);
        return value.Type == BsonType.Int32 ? value.AsInt32 : value.AsInt64;
    }

    public int Int32(string field) => Optional(field, BsonType.Int32)?.AsInt32 ?? throw Missing(field);

    public double Double(string field) => Optional(field, BsonType.Double)?.AsDouble ?? throw Missing(field);

    public double? OptionalDouble(string field) => Optional(field, BsonType.Double)?.AsDouble;

    public byte[] Binary(string field) => Optional(field, BsonType.Binary)?.AsBinary ?? throw Missing(field);

    public DateTimeOffset Time(string field) => OptionalTime(field) ?? throw Missing(field);

    public DateTimeOffset? OptionalTime(string field)
    {
        var text = OptionalString(field);
        if (text is null)
        {
            return null;
        }

        return BsonTime.TryParse(text, out var time) ? time : throw Invalid(field, $"'{text}' is not an ISO 8601 instant");
    }

    public TEnum Enum<TEnum>(string field)
        where TEnum : struct, Enum
    {
        var text = String(field);
        return System.Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw Invalid(field, $"'{text}' is not a {typeof(TEnum).Name}");
    }

    private BsonValue? Optional(string field, params BsonType[] types)
    {
        var value = document[field];
        if (value.IsNull)
        {
            return null;
        }

        return Array.IndexOf(types, value.Type) >= 0 ? value : throw Invalid(field, $"holds a {value.Type}, not a {types[0]}");
    }

    private InvalidDataException Missing(string field) => Invalid(field, "is missing");

    private InvalidDataException Invalid(string field, string problem) =>
        new($"Document {collection}/{IdOf(document)}: field '{field}' {problem}.");

    /// <summary>The document's id as plain text (BsonValue.ToString gives JSON such as {"$numberLong":"7"}).</summary>
    public static string IdOf(BsonDocument document) => document["_id"].RawValue?.ToString() ?? "(no id)";
}
