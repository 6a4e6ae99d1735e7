using FormationControl.Cli.Demo;
using FormationControl.Cli.DryRun;
using FormationControl.Core.Profiles;

namespace FormationControl.Cli.Tests.DryRun;

/// <summary>Every sample profile validates and runs to its end on the simulator's cell model.</summary>
public class ProfileDryRunTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Nmc_formation_completes_and_measures_the_true_capacity()
    {
        var run = await DryRunAsync("nmc-100ah-formation.json", "nmc");

        Assert.Equal("Completed", run.Status);
        var capacity = run.Steps.Single(s => s.Label == "capacity");
        Assert.Equal(run.TrueCapacityAh, Math.Abs(capacity.Ah), 0.005 * run.TrueCapacityAh);
        Assert.Equal(3.0, capacity.EndVoltageV, 3);
        Assert.NotEmpty(run.Samples);
    }

    [Fact]
    public async Task Lfp_formation_completes_with_its_loop_run_twice()
    {
        var run = await DryRunAsync("lfp-280ah-formation.json", "lfp");

        Assert.Equal("Completed", run.Status);
        Assert.Equal(2, run.Steps.Count(s => s.Label == "discharge"));
        Assert.Equal(140, Math.Abs(run.Steps.Single(s => s.Label == "to-storage").Ah), 0.01);
    }

    [Fact]
    public async Task Hppc_pulses_at_every_soc_step_and_reports_dcir()
    {
        var run = await DryRunAsync("nmc-100ah-hppc.json", "nmc");

        Assert.Equal("Completed", run.Status);
        var pulses = run.Steps.Where(s => s.StepType == nameof(StepType.Pulse)).ToList();
        Assert.True(pulses.Count >= 5, $"{pulses.Count} pulses");
        Assert.All(pulses, p => Assert.InRange(p.DcirOhm!.Value, 0.4e-3, 1.2e-3));
    }

    [Fact]
    public async Task Ageing_check_runs_a_week_of_daily_ocv_readings()
    {
        var run = await DryRunAsync("nmc-100ah-ageing-ocv.json", "nmc");

        Assert.Equal("Completed", run.Status);
        Assert.Equal(7, run.Steps.Count(s => s.Label == "day"));
        Assert.InRange(run.Total.TotalDays, 7, 8);
    }

    [Fact]
    public async Task Capacity_test_measures_the_capacity_and_charges_to_storage_at_constant_power()
    {
        var run = await DryRunAsync("nmc-100ah-capacity-test.json", "nmc");

        Assert.Equal("Completed", run.Status);
        Assert.Equal(run.TrueCapacityAh, Math.Abs(run.Steps.Single(s => s.Label == "capacity").Ah), 0.005 * run.TrueCapacityAh);
        var storage = run.Steps.Single(s => s.Label == "to-storage");
        Assert.Equal(nameof(StepType.ChargeCp), storage.StepType);
        Assert.Equal(40, storage.Ah, 0.01);
        // Constant power: the current falls as the voltage rises, so I = P / V at the end of the step.
        Assert.True(storage.EndCurrentA > 0);
    }

    private static async Task<DryRunResult> DryRunAsync(string file, string chemistry)
    {
        var loaded = ProfileLoader.LoadFile(Path.Combine(RepositoryFiles.Root, "profiles", file));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return await ProfileDryRun.RunAsync(loaded.Profile, DemoInputs.LoadMap(null), chemistry, Poll, CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(5));
    }
}
