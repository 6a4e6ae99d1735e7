namespace FormationControl.Cli.Demo;

/// <summary>
/// The demo's grades and measurements against the simulator's truth. Measurement errors are over good cells (a
/// defect changes what the cell can deliver, not how well it is measured): capacity against the true Q, ACIR against
/// the true R0, K against the fall of the true OCV. Rejections are over every cell by its true defect class.
/// </summary>
/// <param name="GoodCells">Cells without a defect.</param>
/// <param name="GoodCellsNotCompleted">Good cells whose formation did not complete (a controller fault, never expected).</param>
/// <param name="CapacityMaxErrorPercent">max |measured − true| / true over good completed cells.</param>
/// <param name="CapacityMeanErrorPercent">mean |measured − true| / true over the same cells.</param>
/// <param name="AcirMaxErrorPercent">max |ACIR − R0| / R0 over good measured cells.</param>
/// <param name="KMaxErrorMvPerDay">max |K − K_true| over good measured cells.</param>
/// <param name="MicroShorts">Cells whose true defect is a micro-short.</param>
/// <param name="MicroShortsCaught">Of those, rejected for any reason (a severe short can already fail formation: its pre-charge times out).</param>
/// <param name="MicroShortRecallPercent">100 × caught / micro-shorts (null with none).</param>
/// <param name="MicroShortsAged">Micro-shorts that reached ageing (a K-value was measured).</param>
/// <param name="MicroShortsCaughtByK">Of those, rejected with a K screen code.</param>
/// <param name="MicroShortKRecallPercent">100 × caught by K / aged micro-shorts (null with none).</param>
/// <param name="FalseRejects">Good cells rejected.</param>
/// <param name="FalseRejectPercent">100 × false rejects / good cells.</param>
/// <param name="Classes">Per true defect class: cells, rejected (caught), not rejected (missed).</param>
public sealed record DemoAccuracy(
    int GoodCells,
    int GoodCellsNotCompleted,
    double? CapacityMaxErrorPercent,
    double? CapacityMeanErrorPercent,
    double? AcirMaxErrorPercent,
    double? AcirMeanErrorPercent,
    double? KMaxErrorMvPerDay,
    double? KMeanErrorMvPerDay,
    int MicroShorts,
    int MicroShortsCaught,
    double? MicroShortRecallPercent,
    int MicroShortsAged,
    int MicroShortsCaughtByK,
    double? MicroShortKRecallPercent,
    int FalseRejects,
    double FalseRejectPercent,
    IReadOnlyList<DemoDefectScore> Classes);

/// <summary>How the cells of one true defect class were graded.</summary>
/// <param name="Defect">The class ("none" for good cells).</param>
/// <param name="Cells">Cells of the class.</param>
/// <param name="Rejected">Cells rejected: caught for a defect class, false rejects for "none".</param>
/// <param name="Missed">Cells not rejected: missed for a defect class, correctly passed for "none".</param>
public sealed record DemoDefectScore(string Defect, int Cells, int Rejected, int Missed);
