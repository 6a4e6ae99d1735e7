using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="GradeRecord"/> to and from its document in the grades collection.</summary>
internal static class GradeDocument
{
    public const string Cell = "cell";
    public const string Lot = "lot";
    public const string Version = "version";
    public const string LotVersion = "lotVersion";

    /// <summary>The document with the inputs and lot version a grade may carry (fields absent when null, as in older files).</summary>
    public static BsonDocument ForNewGrade(GradeRecord grade, int version, int? lotVersion)
    {
        var document = ForNewGrade(grade, version);
        Optional(document, "cePercent", grade.CoulombicEfficiencyPercent);
        Optional(document, "dcirOhm", grade.DcirOhm);
        Optional(document, "acirOhm", grade.AcirOhm);
        Optional(document, "kMvPerDay", grade.KMvPerDay);
        Optional(document, "ocvV", grade.OcvV);
        if (grade.RejectCodes.Count > 0)
        {
            document["rejectCodes"] = new BsonArray(grade.RejectCodes.Select(code => new BsonValue(code)));
        }

        if (lotVersion is { } lv)
        {
            document[LotVersion] = lv;
        }

        return document;
    }

    private static void Optional(BsonDocument document, string field, double? value)
    {
        if (value is { } v)
        {
            document[field] = v;
        }
    }

    /// <summary>The document of a new grade with the version the store gave it; LiteDB assigns its id.</summary>
    public static BsonDocument ForNewGrade(GradeRecord grade, int version) => new()
    {
        [Cell] = grade.CellId,
        [Lot] = grade.Lot,
        ["run"] = grade.RunId,
        ["recipe"] = grade.RecipeName,
        ["recipeVersion"] = grade.RecipeVersion,
        ["recipeHash"] = grade.RecipeHash,
        ["capacityAh"] = grade.CapacityAh is { } capacity ? capacity : BsonValue.Null,
        ["grade"] = grade.Grade,
        ["reason"] = grade.Reason,
        [Version] = version,
        ["gradedAt"] = BsonTime.Format(grade.GradedAt),
    };

    public static GradeRecord ToRecord(BsonDocument document)
    {
        var read = new DocumentReader(StoreCollections.GradesName, document);
        return new GradeRecord(
            read.Int64("_id"),
            read.String(Cell),
            read.OptionalString(Lot),
            read.Int64("run"),
            read.String("recipe"),
            read.String("recipeVersion"),
            read.String("recipeHash"),
            read.OptionalDouble("capacityAh"),
            read.String("grade"),
            read.String("reason"),
            read.Int32(Version),
            read.Time("gradedAt"))
        {
            CoulombicEfficiencyPercent = read.OptionalDouble("cePercent"),
            DcirOhm = read.OptionalDouble("dcirOhm"),
            AcirOhm = read.OptionalDouble("acirOhm"),
            KMvPerDay = read.OptionalDouble("kMvPerDay"),
            OcvV = read.OptionalDouble("ocvV"),
            RejectCodes = document["rejectCodes"].IsArray ? [.. document["rejectCodes"].AsArray.Select(code => code.AsString)] : [],
            LotVersion = document[LotVersion].IsInt32 ? document[LotVersion].AsInt32 : null,
        };
    }
}
