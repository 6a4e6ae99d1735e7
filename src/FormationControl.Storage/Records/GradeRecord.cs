namespace FormationControl.Storage;

/// <summary>
/// A grade given to a cell by a grading recipe. Grading a cell again adds a record with the next
/// <see cref="Version"/>; earlier grades are kept, never overwritten.
/// </summary>
/// <param name="Id">Assigned by the store; ignored when recording.</param>
/// <param name="CellId">The graded cell.</param>
/// <param name="Lot">Production lot, if known.</param>
/// <param name="RunId">The run whose measurements the grade is based on.</param>
/// <param name="RecipeName">Name of the grading recipe.</param>
/// <param name="RecipeVersion">Version of the grading recipe.</param>
/// <param name="RecipeHash">Hash of the recipe, so the exact rules can be proven later.</param>
/// <param name="CapacityAh">Measured capacity in ampere-hours, if the recipe measured one.</param>
/// <param name="Grade">The grade (e.g. A, B, C, Reject).</param>
/// <param name="Reason">Why this grade (the rule that decided it).</param>
/// <param name="Version">1 for a cell's first grade, then 2, 3, ... Assigned by the store; ignored when recording.</param>
/// <param name="GradedAt">When the grade was given.</param>
public sealed record GradeRecord(
    long Id,
    string CellId,
    string? Lot,
    long RunId,
    string RecipeName,
    string RecipeVersion,
    string RecipeHash,
    double? CapacityAh,
    string Grade,
    string Reason,
    int Version,
    DateTimeOffset GradedAt);
