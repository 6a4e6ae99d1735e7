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
}
