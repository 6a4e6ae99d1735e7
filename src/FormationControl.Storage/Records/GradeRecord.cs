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
    DateTimeOffset GradedAt)
{
    /// <summary>First-cycle coulombic efficiency in percent, if the recipe used it.</summary>
    public double? CoulombicEfficiencyPercent { get; init; }

    /// <summary>DC internal resistance of the recipe's pulse step in Ω, if used.</summary>
    public double? DcirOhm { get; init; }

    /// <summary>1 kHz AC resistance in Ω, if used.</summary>
    public double? AcirOhm { get; init; }

    /// <summary>Self-discharge in mV/day (positive when the voltage falls), if used.</summary>
    public double? KMvPerDay { get; init; }

    /// <summary>Open-circuit voltage in V, if used.</summary>
    public double? OcvV { get; init; }

    /// <summary>Why the cell was rejected (screen codes, "missing-…", "no-grade"); empty for a graded cell.</summary>
    public IReadOnlyList<string> RejectCodes { get; init; } = [];

    /// <summary>
    /// The lot grading this grade belongs to (1, 2, ... per lot; see <see cref="FormationStore.RecordLotGradingAsync"/>);
    /// null for a grade recorded on its own.
    /// </summary>
    public int? LotVersion { get; init; }
}
