namespace FormationControl.Core.Profiles;

/// <summary>
/// When to record a sample besides step boundaries (always recorded): after <see cref="Interval"/> since the
/// last record, or when voltage or current moved by the given delta. Null criteria are off.
/// </summary>
public sealed record LoggingCriteria(TimeSpan? Interval, double? DeltaVoltageV, double? DeltaCurrentA);
