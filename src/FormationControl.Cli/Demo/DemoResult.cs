namespace FormationControl.Cli.Demo;

/// <summary>One cell's outcome, next to the simulator's ground truth for it.</summary>
public sealed record DemoCellResult(
    string CellId, string Unit, int Channel, string Status, double? CapacityAh, double TrueCapacityAh, string Grade, string Reason);

/// <summary>What a demo run did, as the summary and <c>--json</c> report it.</summary>
public sealed record DemoResult(
    int Cells,
    int Completed,
    IReadOnlyDictionary<string, int> Grades,
    double? CapacityMeanAh,
    double? CapacityStdDevAh,
    double? MaxCapacityErrorPercent,
    double SimulatedHours,
    double WallSeconds,
    long PollCycles,
    string Lot,
    string ProfileName,
    string ProfileHash,
    string RecipeName,
    string DbPath,
    IReadOnlyList<DemoCellResult> CellResults);

/// <summary>Progress while the demo runs.</summary>
public readonly record struct DemoProgress(double SimulatedHours, int Running, int Finished, int Cells);
