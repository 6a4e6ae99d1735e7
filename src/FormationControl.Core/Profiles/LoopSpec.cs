namespace FormationControl.Core.Profiles;

/// <summary>
/// A repeated block of the flat step list: the <see cref="StepType.Loop"/> marker at <see cref="StartIndex"/>, the body,
/// and the <see cref="StepType.LoopEnd"/> marker at <see cref="EndIndex"/>. Both markers carry the same spec.
/// The body runs at least once; it is repeated until <see cref="Count"/> passes are done or <see cref="Until"/> is met,
/// whichever comes first. At least one of them is set.
/// </summary>
/// <param name="StartIndex">Index of the loop marker; the body starts after it.</param>
/// <param name="EndIndex">Index of the loop-end marker; the body ends before it.</param>
/// <param name="Count">Number of passes, at least 1; null for an until-only loop.</param>
/// <param name="Until">Condition checked after each pass; null for a counted loop.</param>
public sealed record LoopSpec(int StartIndex, int EndIndex, int? Count, LoopCondition? Until)
{
    /// <summary>Whether <paramref name="index"/> is inside the body (strictly between the markers).</summary>
    public bool BodyContains(int index) => index > StartIndex && index < EndIndex;
}
