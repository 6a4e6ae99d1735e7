using System.Security.Cryptography;
using System.Text.Json;
using FormationControl.Cli.Demo;
using FormationControl.Cli.Tests.Support;
using FormationControl.Controller.Handoff;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Demo;

[Collection(InProcessRack.Name)]
public sealed class DemoRunnerTests(AcceptanceLot lot) : IClassFixture<AcceptanceLot>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-demo-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Grades_meet_the_accuracy_targets_against_the_simulators_truth()
    {
        var score = lot.Result.Accuracy!;

        Assert.True(score.MicroShorts >= 20, $"only {score.MicroShorts} micro-shorts were drawn: too few to measure recall");
        Assert.Equal(0, score.GoodCellsNotCompleted);
        Assert.True(score.CapacityMaxErrorPercent < 0.2, $"capacity error up to {score.CapacityMaxErrorPercent:0.000} %");
        Assert.True(score.MicroShortRecallPercent >= 99, $"{score.MicroShortsCaught} of {score.MicroShorts} micro-shorts rejected");
        Assert.True(score.MicroShortKRecallPercent >= 99, $"{score.MicroShortsCaughtByK} of {score.MicroShortsAged} aged micro-shorts rejected for K");
        Assert.True(score.FalseRejectPercent < 1, $"{score.FalseRejects} of {score.GoodCells} good cells rejected");
        Assert.True(score.KMaxErrorMvPerDay < 0.02, $"K off by up to {score.KMaxErrorMvPerDay:0.0000} mV/day");
        Assert.True(score.AcirMaxErrorPercent < 1.5, $"ACIR off by up to {score.AcirMaxErrorPercent:0.00} %");
        // Defects that stop formation (dead, poor contact) and high resistance are rejected too.
        Assert.All(score.Classes.Where(c => c.Defect != "none"), c => Assert.True(c.Missed == 0, $"{c.Missed} {c.Defect} cells not rejected"));
        Assert.Equal(AcceptanceLot.Cells, score.Classes.Sum(c => c.Cells));
    }

    [Fact]
    public async Task Runs_ageing_grades_and_the_delivered_handoff_are_in_the_store_and_the_packing_folder()
    {
        var result = lot.Result;
        var options = lot.Options;
        var formed = result.CellResults.Where(c => c.Status == "Completed").Select(c => c.CellId).ToHashSet();

        await using var store = FormationStore.Open(options.DbPath, TimeProvider.System);
        var runs = store.GetRunsOfLot(result.Lot);
        Assert.Equal(AcceptanceLot.Cells + formed.Count, runs.Count); // formation for every cell, a storage charge for each formed one
        Assert.All(runs.Where(r => r.ProfileHash == options.StorageProfile!.Hash), r => Assert.Equal(RunStatus.Completed, r.Status));
        var ageing = store.GetAgeingMeasurements();
        Assert.Equal(2 * formed.Count, ageing.Count);
        Assert.All(ageing, m => Assert.Equal(DemoOcvStation.Name, m.Station));
        var grading = store.FindLotGrading(result.Lot)!;
        Assert.Equal((1, options.Recipe!.Hash, AcceptanceLot.Cells), (grading.Version, grading.RecipeHash, grading.Grades.Count));
        Assert.Equal(result.Grades.Values.Sum(), grading.Grades.Count);

        var handoff = store.GetHandoffs(result.Lot).Single();
        Assert.Equal(HandoffStatus.Delivered, handoff.Status);
        Assert.Equal(result.Handoff!.Files.Select(Path.GetFileName), handoff.Files.OrderBy(f => f.EndsWith(".json", StringComparison.Ordinal) ? 0 : 1));
        string json = Path.Combine(options.Handoff, HandoffDocument.StemOf(result.Lot, 1) + ".json");
        byte[] bytes = await File.ReadAllBytesAsync(json);
        Assert.Equal(handoff.ContentSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var document = JsonDocument.Parse(bytes);
        Assert.Equal(AcceptanceLot.Cells, document.RootElement.GetProperty("cellCount").GetInt32());
        string[] csv = await File.ReadAllLinesAsync(Path.ChangeExtension(json, ".csv"));
        Assert.Equal(HandoffDocument.CsvHeader, csv[0]);
        Assert.Equal(AcceptanceLot.Cells, csv.Length - 1);
        Assert.True(File.Exists(Path.Combine(options.Outbox, Path.GetFileName(json))));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_capacities_k_values_and_grades()
    {
        async Task<(double?, double?, string)[]> Run(string name)
        {
            var options = lot.Options with { DbPath = Path.Combine(_dir, name), Cells = 3, Seed = 3, OutboxPath = null, HandoffPath = null };
            var r = await DemoRunner.RunAsync(options, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
            return [.. r.CellResults.Select(c => (c.CapacityAh, c.KMvPerDay, c.Grade))];
        }

        var first = await Run("a.db");
        Assert.All(first, c => Assert.NotNull(c.Item2));
        Assert.Equal(first, await Run("b.db"));
    }
}
