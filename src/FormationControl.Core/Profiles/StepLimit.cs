namespace FormationControl.Core.Profiles;

/// <summary>A condition that ends a step, and what to do then.</summary>
/// <param name="Kind">What is watched.</param>
/// <param name="Value">Threshold in V, A, s, Ah or Wh according to <paramref name="Kind"/>.</param>
/// <param name="Action">What happens when the condition is met.</param>
/// <param name="GotoLabel">The target step's label when <paramref name="Action"/> is <see cref="LimitAction.Goto"/>; null otherwise.</param>
public sealed record StepLimit(LimitKind Kind, double Value, LimitAction Action, string? GotoLabel);
