namespace FormationControl.Core.Profiles;

/// <summary>One level of a <see cref="StepType.Pulse"/> step.</summary>
/// <param name="CurrentA">Signed current in A (C-rates resolved): positive charges, negative discharges, zero rests.</param>
/// <param name="DurationS">How long the level is held, in seconds.</param>
public readonly record struct PulseLevel(double CurrentA, double DurationS);
