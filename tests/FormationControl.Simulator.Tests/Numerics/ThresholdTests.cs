using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Tests.Numerics;

public sealed class ThresholdTests
{
    [Theory]
    [InlineData(true, false, 1.0, true)]
    [InlineData(true, true, 1.0, false)]
    [InlineData(true, true, 1.1, true)]
    [InlineData(false, false, 1.0, true)]
    [InlineData(false, true, 1.0, false)]
    [InlineData(false, true, 0.9, true)]
    [InlineData(true, false, double.NaN, false)]
    public void Triggers_on_its_side_of_the_level(bool rising, bool strict, double value, bool triggered) =>
        Assert.Equal(triggered, new Threshold(1.0, rising, strict).IsTriggeredBy(value));

    [Fact]
    public void An_infinite_level_never_triggers() =>
        Assert.False(new Threshold(double.PositiveInfinity, Rising: true).IsTriggeredBy(double.MaxValue));
}
