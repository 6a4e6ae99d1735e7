using FormationControl.Core.Quantities;

namespace FormationControl.Core.Tests.Quantities;

public class QuantityBoundTests
{
    [Theory]
    [InlineData(">= 3.6 V", ComparisonOperator.AtLeast, 3.6, Dimension.Voltage)]
    [InlineData("<=3000 mV", ComparisonOperator.AtMost, 3.0, Dimension.Voltage)]
    [InlineData("<= C/50", ComparisonOperator.AtMost, 0.02, Dimension.CRate)]
    [InlineData("≥ 4.1 V", ComparisonOperator.AtLeast, 4.1, Dimension.Voltage)]
    [InlineData(" ≤ 2 A ", ComparisonOperator.AtMost, 2, Dimension.Current)]
    public void Parses_direction_and_quantity(string text, ComparisonOperator op, double value, Dimension dimension)
    {
        Assert.True(QuantityBound.TryParse(text, out var bound, out string? error), error);
        Assert.Equal(new QuantityBound(op, new Quantity(value, dimension)), bound);
    }

    [Theory]
    [InlineData("3.6 V", "needs a direction: write \">= 3.6 V\" or \"<= 3.6 V\"")]
    [InlineData("> 3.6 V", "only \">=\" and \"<=\" are supported")]
    [InlineData("< 3.6 V", "only \">=\" and \"<=\" are supported")]
    [InlineData(">= 3.6", "has no unit")]
    [InlineData(">=", "empty quantity")]
    public void Refuses_malformed_bounds(string text, string reason)
    {
        Assert.False(QuantityBound.TryParse(text, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_reads_back()
    {
        var bound = new QuantityBound(ComparisonOperator.AtMost, new Quantity(3.0, Dimension.Voltage));
        Assert.Equal("<= 3 V", bound.ToString());
        Assert.True(QuantityBound.TryParse(bound.ToString(), out var again, out _));
        Assert.Equal(bound, again);
    }
}
