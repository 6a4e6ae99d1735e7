namespace FormationControl.Core.Profiles.Reading;

/// <summary>The setpoints read from one step; each is null when the type does not take it or it was wrong.</summary>
internal sealed record StepSetpointValues(double? CurrentA, double? VoltageV, double? PowerW, double? ResistanceOhm, IReadOnlyList<PulseLevel>? Levels);
