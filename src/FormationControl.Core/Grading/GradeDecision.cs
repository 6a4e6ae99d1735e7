namespace FormationControl.Core.Grading;

/// <summary>The grade a cell got and why, e.g. ("A", "capacity 101.2 Ah is in 'A' [100.5, 110) Ah").</summary>
public sealed record GradeDecision(string Grade, string Reason)
{
    /// <summary>Reject codes (screens that failed, "missing-…" for unmeasured inputs, "no-grade"); empty for a graded cell.</summary>
    public IReadOnlyList<string> RejectCodes { get; init; } = [];
}
