namespace FormationControl.Storage.Tests;

/// <summary>Plausible records for tests.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 8, 30, 0, TimeSpan.FromHours(1));

    public static RunRecord Run(string cellId = "CELL-0001", string? lot = "LOT-A", int channel = 1) => new(
        0, cellId, lot, "rack-1", channel, "NMC100-formation", "1.2.0", "sha256:5f1c0ab2", Start, null, RunStatus.Running, null);

    public static StepResultRecord StepResult(long runId, int stepIndex, DateTimeOffset startedAt, string? label = "charge") => new(
        runId, stepIndex, label, "CcCharge", startedAt, startedAt.AddHours(2), 7200.0, 10.0042, 37.71, 3.9123, 5.0001, 31.4, "VoltageLimit");

    public static GradeRecord Grade(string cellId, long runId, string grade = "A", string? lot = "LOT-A", double? capacityAh = 101.37) => new(
        0, cellId, lot, runId, "capacity-grading", "3", "sha256:9e0d", capacityAh, grade, "capacity ≥ 100 Ah", 0, Start.AddHours(12));

    public static SampleRecord Sample(long runId, int stepIndex, int n) => new(
        runId, stepIndex, Start.AddSeconds(n), n, 3.5 + (n * 1e-4), 5.0, 25.0 + (n * 0.01), n * 5.0 / 3600, n * 17.5 / 3600);
}
