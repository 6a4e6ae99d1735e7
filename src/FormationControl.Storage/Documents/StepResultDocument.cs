using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="StepResultRecord"/> to and from its document in the step results collection.</summary>
internal static class StepResultDocument
{
    public const string Run = "run";

    public static BsonDocument From(StepResultRecord result)
    {
        var document = Fields(result);
        Optional(document, "dcirOhm", result.DcirOhm);
        Optional(document, "ccS", result.CcDurationS);
        Optional(document, "ccAh", result.CcAh);
        Optional(document, "cvS", result.CvDurationS);
        Optional(document, "cvAh", result.CvAh);
        return document;
    }

    private static void Optional(BsonDocument document, string name, double? value)
    {
        if (value is { } v)
        {
            document[name] = v;
        }
    }

    private static BsonDocument Fields(StepResultRecord result) => new()
    {
        [Run] = result.RunId,
        ["step"] = result.StepIndex,
        ["label"] = result.Label,
        ["type"] = result.StepType,
        ["startedAt"] = BsonTime.Format(result.StartedAt),
        ["endedAt"] = BsonTime.Format(result.EndedAt),
        ["durationS"] = result.DurationS,
        ["ah"] = result.Ah,
        ["wh"] = result.Wh,
        ["endV"] = result.EndVoltageV,
        ["endA"] = result.EndCurrentA,
        ["endC"] = result.EndTemperatureC,
        ["endReason"] = result.EndReason,
    };

    public static StepResultRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.StepResultsName, document);
        return new StepResultRecord(
            read.Int64(Run),
            read.Int32("step"),
            read.OptionalString("label"),
            read.String("type"),
            read.Time("startedAt"),
            read.Time("endedAt"),
            read.Double("durationS"),
            read.Double("ah"),
            read.Double("wh"),
            read.Double("endV"),
            read.Double("endA"),
            read.Double("endC"),
            read.String("endReason"))
        {
            DcirOhm = read.OptionalDouble("dcirOhm"),
            CcDurationS = read.OptionalDouble("ccS"),
            CcAh = read.OptionalDouble("ccAh"),
            CvDurationS = read.OptionalDouble("cvS"),
            CvAh = read.OptionalDouble("cvAh"),
        };
    }
}
