using FormationControl.Core.Grading;
using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles;

/// <summary>Every shipped sample profile loads as it is, and says what it was written to say.</summary>
public class SampleProfilesTests
{
    public static TheoryData<string> Samples => [.. ProfileJson.SampleProfiles().Select(Path.GetFileName).OfType<string>()];

    private static Profile Load(string name)
    {
        var result = ProfileLoader.LoadFile(ProfileJson.SamplePath(name));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Profile;
    }

    [Fact]
    public void The_five_samples_are_shipped()
    {
        Assert.Equal(
            ["lfp-280ah-formation.json", "nmc-100ah-ageing-ocv.json", "nmc-100ah-capacity-test.json", "nmc-100ah-formation.json", "nmc-100ah-hppc.json"],
            ProfileJson.SampleProfiles().Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_loads_and_every_runnable_step_has_a_guard_or_ends_by_itself(string name)
    {
        var profile = Load(name);
        Assert.Equal(Path.GetFileNameWithoutExtension(name), profile.Name);
        Assert.All(profile.Steps.Where(s => !s.IsControl), s => Assert.True(
            s.EndsByItself || s.Limits.Any(l => l.Action is LimitAction.Next or LimitAction.Goto or LimitAction.End),
            $"{name} step {s.DisplayName} has no limit that goes on"));
    }

    [Fact]
    public void Nmc_formation_keeps_its_labels_and_its_grading_recipe_fits()
    {
        var profile = Load("nmc-100ah-formation.json");
        Assert.Equal(["precharge", "charge-1", "rest-1", "discharge-1", "rest-2", "charge-2", "rest-3", "capacity", "rest-4"], profile.Steps.Select(s => s.Label));
        var recipe = GradingRecipeLoader.LoadFile(ProfileJson.SamplePath("grading/nmc-100ah-capacity.json"));
        Assert.True(recipe.Succeeded, string.Join("\n", recipe.Diagnostics));
        Assert.True(recipe.Recipe.FitsProfile(profile, out string? problem), problem);
    }

    [Fact]
    public void Lfp_formation_reads_its_cell_file_and_flattens_its_cycle_loop()
    {
        var profile = Load("lfp-280ah-formation.json");
        Assert.Equal(new CellSpec("LFP", 280, 3.2, 2.5, 3.65, 140, 280, 60), profile.Cell);
        Assert.Equal(
            [StepType.Rest, StepType.ChargeCc, StepType.ChargeCccv, StepType.Rest, StepType.Loop, StepType.DischargeCc, StepType.Rest, StepType.ChargeCccv, StepType.Rest, StepType.LoopEnd, StepType.DischargeCc],
            profile.Steps.Select(s => s.Type));
        Assert.Equal(new LoopSpec(4, 9, 2, null), profile.Steps[4].Loop);
        Assert.Same(profile.Steps[4].Loop, profile.Steps[9].Loop);
        Assert.Equal(new LoggingCriteria(TimeSpan.FromMinutes(1), null, null), profile.Steps[1].Logging);
        Assert.Equal([new StepLimit(LimitKind.VoltageAtLeast, 3.2, LimitAction.Next, null), new StepLimit(LimitKind.Duration, 36000, LimitAction.Fault, null)], profile.Steps[1].Limits);
        Assert.Equal(new StepLimit(LimitKind.TemperatureAtLeast, 40, LimitAction.Next, null), profile.Steps[0].Limits[0]);
        Assert.Equal(new StepLimit(LimitKind.StepCapacityAh, 140, LimitAction.Next, null), profile.Steps[10].Limits[0]);
    }

    [Fact]
    public void Ageing_check_records_ocv_daily_in_a_counted_loop()
    {
        var profile = Load("nmc-100ah-ageing-ocv.json");
        Assert.Equal([StepType.Ocv, StepType.Loop, StepType.Ocv, StepType.LoopEnd, StepType.Ocv], profile.Steps.Select(s => s.Type));
        Assert.Equal(7, profile.Steps[1].Loop!.Count);
        Assert.Equal(LimitKind.VoltageRateAtMost, profile.Steps[0].Limits[0].Kind);
        Assert.Equal(0.0005 / 3600, profile.Steps[0].Limits[0].Value, 15);
    }

    [Fact]
    public void Hppc_sweeps_pulses_until_the_voltage_is_low_and_can_leave_early()
    {
        var profile = Load("nmc-100ah-hppc.json");
        Assert.True(profile.TryGetStep("dcir", out var pulse));
        Assert.Equal([new PulseLevel(-100, 10), new PulseLevel(0, 40), new PulseLevel(75, 10)], pulse.PulseLevels);
        var loop = profile.Steps.Single(s => s.Type == StepType.Loop).Loop!;
        Assert.Equal((10, new LoopCondition(LimitKind.VoltageAtMost, 3.3)), (loop.Count, loop.Until));
        Assert.True(profile.TryGetStep("step-down", out var stepDown));
        Assert.Equal(new StepLimit(LimitKind.VoltageAtMost, 3.3, LimitAction.Goto, "done"), stepDown.Limits[1]);
        Assert.True(profile.TryGetStep("done", out var done));
        Assert.Equal(StepType.Label, done.Type);
    }

    [Fact]
    public void Capacity_test_grades_a_string_step_and_charges_at_constant_power()
    {
        var profile = Load("nmc-100ah-capacity-test.json");
        Assert.True(profile.TryGetStep("capacity", out var capacity));
        Assert.Equal((StepType.DischargeCc, 100.0 / 3), (capacity.Type, capacity.CurrentA!.Value));
        Assert.Equal(new LoggingCriteria(TimeSpan.FromSeconds(10), null, null), capacity.Logging);
        Assert.True(profile.TryGetStep("to-storage", out var storage));
        Assert.Equal((StepType.ChargeCp, 100.0), (storage.Type, storage.PowerW!.Value));
        var recipe = GradingRecipeLoader.LoadFile(ProfileJson.SamplePath("grading/nmc-100ah-capacity.json")).Recipe!;
        Assert.True(recipe.FitsProfile(profile, out string? problem), problem);
    }
}
