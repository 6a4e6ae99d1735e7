using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="AgeingMeasurementRecord"/> to and from its document in the ageing collection.</summary>
internal static class AgeingDocument
{
    public const string Cell = "cell";

    public static BsonDocument ForNew(AgeingMeasurementRecord m) => new()
    {
        [Cell] = m.CellId,
        ["session"] = m.Session,
        ["station"] = m.Station,
        ["at"] = BsonTime.Format(m.MeasuredAt),
        ["ocvV"] = m.OcvV,
        ["acirOhm"] = m.AcirOhm is { } acir ? acir : BsonValue.Null,
        ["tempC"] = m.TemperatureC,
    };

    public static AgeingMeasurementRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.AgeingName, document);
        return new AgeingMeasurementRecord(
            read.Int64("_id"), read.String(Cell), read.String("session"), read.String("station"), read.Time("at"),
            read.Double("ocvV"), read.OptionalDouble("acirOhm"), read.Double("tempC"));
    }
}
