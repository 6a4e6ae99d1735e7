using FormationControl.Controller.Execution;
using FormationControl.Controller.Tests.Support;
using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Tests.Execution;

public class DeviceStepPlannerTests
{
    [Fact]
    public void Cccv_charge_gives_the_device_taper_and_time_and_leaves_energy_to_software()
    {
        var plan = DeviceStepPlanner.Plan(TestProfiles.TwoStep.Steps[0]);

        Assert.Equal(ChannelMode.ChargeCccv, plan.Command.Mode);
        Assert.Equal(10, plan.Command.CurrentA, 9);
        Assert.Equal(4.2, plan.Command.VoltageV, 9);
        Assert.Equal(2, plan.Command.CutoffCurrentA!.Value, 9);
        Assert.Equal(TimeSpan.FromHours(16), plan.Command.CutoffTime);
        Assert.Null(plan.Command.CutoffVoltageV);
        Assert.Equal(LimitKind.CurrentAtMost, plan.DeviceLimits[DeviceEndReason.Current].Kind);
        var software = Assert.Single(plan.SoftwareLimits);
        Assert.Equal(LimitKind.StepEnergyWh, software.Kind);
    }

    [Fact]
    public void Discharge_voltage_limit_becomes_the_device_cutoff()
    {
        var plan = DeviceStepPlanner.Plan(TestProfiles.TwoStep.Steps[1]);

        Assert.Equal(ChannelMode.DischargeCc, plan.Command.Mode);
        Assert.Equal(20, plan.Command.CurrentA, 9);
        Assert.Equal(3.0, plan.Command.CutoffVoltageV!.Value, 9);
        Assert.Equal(LimitAction.Fault, plan.DeviceLimits[DeviceEndReason.Time].Action);
        Assert.Empty(plan.SoftwareLimits);
    }

    [Fact]
    public void Of_two_time_limits_the_device_gets_the_earlier_and_software_keeps_the_later()
    {
        var step = new ProfileStep(0, null, StepType.Rest, null, null,
            [new StepLimit(LimitKind.Duration, 7200, LimitAction.Fault, null), new StepLimit(LimitKind.Duration, 1800, LimitAction.Next, null)], null);

        var plan = DeviceStepPlanner.Plan(step);

        Assert.Equal(TimeSpan.FromSeconds(1800), plan.Command.CutoffTime);
        Assert.Equal(LimitAction.Next, plan.DeviceLimits[DeviceEndReason.Time].Action);
        Assert.Equal(7200, Assert.Single(plan.SoftwareLimits).Value);
    }
}
