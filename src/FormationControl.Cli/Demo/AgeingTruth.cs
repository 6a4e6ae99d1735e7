namespace FormationControl.Cli.Demo;

/// <summary>What the simulator says a cell's ageing measurements should have read.</summary>
/// <param name="KMvPerDay">Fall of the true OCV between the two sessions, per day.</param>
/// <param name="R0Ohm">True series resistance at the second session.</param>
public readonly record struct AgeingTruth(double KMvPerDay, double R0Ohm);
