namespace FormationControl.Cli.Demo;

/// <summary>One cell's outcome, next to the simulator's ground truth for it.</summary>
public sealed record DemoCellResult(
    string CellId, string Unit, int Channel, string Status, double? CapacityAh, double TrueCapacityAh, string Grade, string Reason)
{
    /// <summary>The simulator's defect class of the cell ("none" for a good cell).</summary>
    public string Defect { get; init; } = "none";

    /// <summary>Why the cell was rejected; empty for a graded cell.</summary>
    public IReadOnlyList<string> RejectCodes { get; init; } = [];

    /// <summary>ACIR the recipe graded (the meter's reading), if any.</summary>
    public double? AcirOhm { get; init; }

    /// <summary>The cell's true series resistance R0 at the second ageing session.</summary>
    public double? TrueAcirOhm { get; init; }

    /// <summary>K-value the recipe graded, if any.</summary>
    public double? KMvPerDay { get; init; }

    /// <summary>The fall of the cell's true OCV between the ageing sessions, per day.</summary>
    public double? TrueKMvPerDay { get; init; }

    /// <summary>The cell's true leak, in % of its capacity per day.</summary>
    public double SelfDischargePercentPerDay { get; init; }
}

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
    IReadOnlyList<DemoCellResult> CellResults)
{
    /// <summary>The storage charge and the two OCV/ACIR sessions; null when the demo did no ageing.</summary>
    public DemoAgeingSummary? Ageing { get; init; }

    /// <summary>The lot grading version the grades are.</summary>
    public int? LotVersion { get; init; }

    /// <summary>The handoff to the packing line; null without a recipe.</summary>
    public DemoHandoffSummary? Handoff { get; init; }

    /// <summary>Grades and measurements scored against the simulator's truth.</summary>
    public DemoAccuracy? Accuracy { get; init; }
}

/// <summary>Progress while the demo runs.</summary>
/// <param name="Phase">"formation", "storage-charge", or the ageing session being measured.</param>
public readonly record struct DemoProgress(double SimulatedHours, int Running, int Finished, int Cells, string Phase = "formation");
