using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Faults;

namespace FormationControl.Simulator.Tests.Faults;

public sealed class FaultSpecTests
{
    [Fact]
    public void Parses_every_kind_with_its_times()
    {
        const string spec = "drop:p=0.3,unit=2,at=10m,for=5m; delay:by=1.5s,unit=1,at=20m,for=1m; link-down:at=30m,for=20s; corrupt:p=5%;"
            + " trip:unit=1,ch=3,code=otp,at=2h; heat:unit=1,ch=0,w=50,at=1h,for=10m";
        Assert.True(FaultSpec.TryParse(spec, out var faults, out string error), error);
        Assert.Equal(
            [
                new DropResponses(0.3, 2, new FaultWindow(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5))),
                new DelayResponses(TimeSpan.FromSeconds(1.5), 1, new FaultWindow(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1))),
                new LinkDown(new FaultWindow(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(20))),
                new CorruptResponses(0.05, FaultWindow.Always),
                new TripProtection(1, 3, DeviceFaultCode.OverTemperature, TimeSpan.FromHours(2)),
                new HeatCell(1, 0, 50, TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)),
            ],
            faults);
    }

    [Fact]
    public void Defaults_are_every_unit_always_and_certainly()
    {
        Assert.True(FaultSpec.TryParse("drop", out var faults, out _));
        Assert.Equal(new DropResponses(1, null, FaultWindow.Always), faults[0]);
        Assert.True(FaultSpec.TryParse("trip:unit=4,ch=0,at=250ms", out faults, out _));
        Assert.Equal(new TripProtection(4, 0, DeviceFaultCode.OverVoltage, TimeSpan.FromMilliseconds(250)), faults[0]);
        Assert.True(FaultSpec.TryParse("  ", out faults, out _));
        Assert.Empty(faults);
    }

    [Theory]
    [InlineData("drop:p=2", "fault 1 'drop:p=2': p=2: a probability is from 0 to 1")]
    [InlineData("link-down;delay:unit=1", "fault 2 'delay:unit=1': missing 'by'")]
    [InlineData("explode", "unknown kind 'explode'")]
    [InlineData("heat:unit=1,ch=0,w=5", "missing 'for'")]
    [InlineData("trip:unit=300,ch=1", "unit=300: a unit id is 1 to 247")]
    [InlineData("trip:unit=1", "missing 'ch'")]
    [InlineData("trip:unit=1,ch=2,code=fire", "code=fire: use ovp, uvp, ocp, otp or contact")]
    [InlineData("delay:by=soon", "by=soon: a duration is a number")]
    [InlineData("corrupt:unit=1", "unknown key 'unit'")]
    [InlineData("drop:p", "'p' is not key=value")]
    public void Bad_specs_are_refused_naming_the_item_and_the_problem(string spec, string expected)
    {
        Assert.False(FaultSpec.TryParse(spec, out _, out string error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
