using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Tests.Cycler;

public sealed class EarliestEventTests
{
    [Fact]
    public void Keeps_the_earliest_and_at_a_tie_the_more_important()
    {
        var first = new EarliestEvent(10);
        first.Offer(double.PositiveInfinity, LegEvent.Voltage);
        first.Offer(double.NaN, LegEvent.Voltage);
        Assert.Equal((10, LegEvent.None), (first.TimeS, first.Event));
        first.Offer(10, LegEvent.Time);
        first.Offer(7, LegEvent.SegmentExitUp);
        first.Offer(7, LegEvent.OverVoltage);
        first.Offer(7, LegEvent.Voltage);
        Assert.Equal((7, LegEvent.OverVoltage), (first.TimeS, first.Event));
    }
}
