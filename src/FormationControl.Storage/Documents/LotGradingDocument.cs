using LiteDB;

namespace FormationControl.Storage;

/// <summary>The header of a lot grading in the lotGradings collection; its grades live in the grades collection.</summary>
internal static class LotGradingDocument
{
    public const string Lot = "lot";

    public static string IdOf(string lot, int version) => $"{lot}/{version}";

    public static BsonDocument From(LotGrading grading) => new()
    {
        ["_id"] = IdOf(grading.Lot, grading.Version),
        [Lot] = grading.Lot,
        ["version"] = grading.Version,
        ["recipe"] = grading.RecipeName,
        ["recipeVersion"] = grading.RecipeVersion,
        ["recipeHash"] = grading.RecipeHash,
        ["gradedAt"] = BsonTime.Format(grading.GradedAt),
        ["cells"] = grading.Grades.Count,
    };

    public static LotGrading ToRecord(BsonDocument document, IReadOnlyList<GradeRecord> grades)
    {
        var read = new DocumentReader(StoreCollections.LotGradingsName, document);
        return new LotGrading(
            read.String(Lot), read.Int32("version"), read.String("recipe"), read.String("recipeVersion"), read.String("recipeHash"), read.Time("gradedAt"), grades);
    }
}
