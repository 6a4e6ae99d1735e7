using LiteDB;

namespace FormationControl.Storage;

/// <summary>Maps <see cref="GradeRecord"/> to and from its document in the grades collection.</summary>
internal static class GradeDocument
{
    public const string Cell = "cell";
    public const string Lot = "lot";
    public const string Version = "version";

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
            read.Time("gradedAt"));
    }
}
