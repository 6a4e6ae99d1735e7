using FormationControl.Cli.Demo;
using FormationControl.Core.Profiles;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Population;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Demo;

/// <summary>Every sample profile in profiles/ on 64 channels of a simulated unit over Modbus TCP, in virtual time.</summary>
public sealed class DemoRunnerSampleProfilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-samples-64-").FullName;

    [Theory]
    [InlineData("nmc-100ah-formation.json", 60)]
    [InlineData("nmc-100ah-capacity-test.json", 30)]
    [InlineData("nmc-100ah-hppc.json", 20)]
    [InlineData("nmc-100ah-ageing-ocv.json", 600)]
    [InlineData("lfp-280ah-formation.json", 60)]
    public async Task A_sample_profile_runs_to_completion_on_64_channels_with_the_same_steps_recorded_once_each(string file, int pollS)
    {
        var profile = ProfileLoader.LoadFile(Path.Combine(RepositoryFiles.Root, "profiles", file)).Profile!;
        var ocv = profile.Cell.Chemistry == "LFP" ? OcvTable.LfpGraphite : OcvTable.NmcGraphite;
        string db = Path.Combine(_dir, "samples.db");
        var options = new DemoOptions(profile, null, DemoInputs.LoadMap(null), db)
        {
            Cells = 64,
            Seed = 11,
            PollInterval = TimeSpan.FromSeconds(pollS), // device cut-offs are exact; the poll only delays the next step
            WatchdogPeriod = TimeSpan.FromSeconds(Math.Max(60, 3 * pollS)),
            AgeingDuration = TimeSpan.Zero, // the profiles alone
            // The ageing check is for formed cells, which come to it at storage charge; the others start empty.
            Population = PopulationOptions.Default with { Ocv = ocv, Cell = CellOptions.Default with { InitialStateOfCharge = file.Contains("ageing", StringComparison.Ordinal) ? 0.3 : 0 } },
        };

        var result = await DemoRunner.RunAsync(options, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(result.Completed == 64, string.Join("\n", result.CellResults.Where(c => c.Status != "Completed").Select(c => $"{c.CellId}: {c.Status} {c.Reason}")));
        await using var store = FormationStore.Open(db, TimeProvider.System);
        var runs = store.GetRuns();
        Assert.Equal(64, runs.Count);
        var first = store.GetStepResults(runs[0].Id).Select(s => (s.StepIndex, s.Label)).ToList();
        Assert.NotEmpty(first);
        foreach (var run in runs)
        {
            var steps = store.GetStepResults(run.Id);
            Assert.Equal(first, steps.Select(s => (s.StepIndex, s.Label)));
            Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.True(pair.First.EndedAt <= pair.Second.StartedAt, $"run {run.Id}: step {pair.Second.StepIndex} starts before the one before it ended"));
            var samples = store.GetSamples(run.Id);
            Assert.NotEmpty(samples);
            Assert.All(samples.Zip(samples.Skip(1)), pair => Assert.True(pair.First.Time < pair.Second.Time, $"run {run.Id}: samples out of order or repeated at {pair.Second.Time:O}"));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
