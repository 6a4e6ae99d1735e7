namespace FormationControl.Storage;

/// <summary>One grading of a lot with one recipe: grading the lot again makes the next <see cref="Version"/>.</summary>
/// <param name="Lot">The lot.</param>
/// <param name="Version">1 for the lot's first grading, then 2, 3, ...</param>
/// <param name="RecipeName">Name of the recipe.</param>
/// <param name="RecipeVersion">Version of the recipe.</param>
/// <param name="RecipeHash">Hash of the recipe.</param>
/// <param name="GradedAt">When the lot was graded.</param>
/// <param name="Grades">The grades, one per cell, as stored (ids and cell versions assigned).</param>
public sealed record LotGrading(
    string Lot,
    int Version,
    string RecipeName,
    string RecipeVersion,
    string RecipeHash,
    DateTimeOffset GradedAt,
    IReadOnlyList<GradeRecord> Grades);
