using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Tests.Cycler;

public sealed class StepSettingsTests
{
    [Theory]
    [InlineData(ChannelMode.Rest, 0, 0, false)]
    [InlineData(ChannelMode.ChargeCc, 7, 7, false)]
    [InlineData(ChannelMode.DischargeCc, -7, -7, false)]
    [InlineData(ChannelMode.ChargeCccv, 7, 0, true)]
    [InlineData(ChannelMode.DischargeCccv, 0, -7, true)]
    [InlineData(ChannelMode.Cv, 7, -7, true)]
    public void Each_mode_bounds_the_current_on_its_side(ChannelMode mode, double upper, double lower, bool holds)
    {
        var step = new StepSettings(mode, 7, 4.2, 0, 0, 0, 0);
        Assert.Equal(upper, step.UpperCurrentA);
        Assert.Equal(lower, step.LowerCurrentA);
        Assert.Equal(holds, step.HoldsVoltage);
    }

    [Theory]
    [InlineData(ChannelMode.ChargeCc, true, true)]
    [InlineData(ChannelMode.DischargeCc, true, false)]
    [InlineData(ChannelMode.ChargeCp, true, true)]
    [InlineData(ChannelMode.DischargeCp, true, false)]
    [InlineData(ChannelMode.DischargeCr, true, false)]
    [InlineData(ChannelMode.ChargeCccv, false, false)]
    [InlineData(ChannelMode.Rest, false, false)]
    public void The_voltage_cutoff_applies_to_cc_cp_and_cr_from_the_side_the_voltage_moves_to(ChannelMode mode, bool applies, bool rising)
    {
        var step = new StepSettings(mode, 7, 4.2, 3.0, 0, 0, 0, 50, 0.1);
        Assert.Equal(applies, step.HasVoltageCutoff);
        if (applies)
        {
            Assert.Equal(rising, step.VoltageCutoffRising);
        }
    }

    [Fact]
    public void Power_carries_the_sign_of_its_direction()
    {
        Assert.Equal(50, new StepSettings(ChannelMode.ChargeCp, 0, 0, 0, 0, 0, 0, 50).SignedPowerW);
        Assert.Equal(-50, new StepSettings(ChannelMode.DischargeCp, 0, 0, 0, 0, 0, 0, 50).SignedPowerW);
    }
}
