using FormationControl.Storage;

namespace FormationControl.Cli.DryRun;

/// <summary>What a profile did to one simulated cell: every step's result and the logged curve.</summary>
public sealed record DryRunResult(
    string Status, string? Note, TimeSpan Total, IReadOnlyList<StepResultRecord> Steps, IReadOnlyList<SampleRecord> Samples, double TrueCapacityAh);
