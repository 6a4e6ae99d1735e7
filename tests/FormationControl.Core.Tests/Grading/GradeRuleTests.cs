using FormationControl.Core.Grading;

namespace FormationControl.Core.Tests.Grading;

public class GradeRuleTests
{
    // Capacities 98..102 Ah: median 100, mean 100, sample sigma sqrt(2.5).
    private static readonly LotStatistics Lot = LotStatistics.Of([.. new[] { 98.0, 99, 100, 101, 102 }.Select(c => new GradeInputs(CapacityAh: c))]);

    [Fact]
    public void Absolute_band_is_half_open()
    {
        var rule = new GradeRule(GradeInput.Capacity, GradeReference.Absolute, 100, 101);
        Assert.True(rule.Passes(100, Lot, out _));
        Assert.False(rule.Passes(101, Lot, out string why));
        Assert.Contains("capacity 101 Ah is outside [100, 101) Ah", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Percent_of_the_median_scales_with_the_lot()
    {
        var rule = new GradeRule(GradeInput.Capacity, GradeReference.Median, -1, 1) { InPercent = true };
        Assert.True(rule.TryBand(Lot, out double lo, out double hi, out _));
        Assert.Equal((99.0, 101.0), (lo, hi));
        Assert.True(rule.Passes(100.99, Lot, out _));
        Assert.False(rule.Passes(98.99, Lot, out string why));
        Assert.Contains("median -1% … +1%", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Sigma_edges_are_mean_plus_k_sigma_inclusive()
    {
        var rule = new GradeRule(GradeInput.Capacity, GradeReference.Mean, null, null) { MaxSigma = 2 };
        double edge = 100 + (2 * Math.Sqrt(2.5));
        Assert.True(rule.Passes(edge, Lot, out _));
        Assert.False(rule.Passes(edge + 1e-9, Lot, out _));
    }

    [Fact]
    public void A_relative_rule_without_lot_data_fails_and_says_why()
    {
        var rule = new GradeRule(GradeInput.KValue, GradeReference.Mean, null, null) { MaxSigma = 3 };
        Assert.False(rule.Passes(0.1, Lot, out string why));
        Assert.Contains("the lot has no kValue", why, StringComparison.Ordinal);
    }
}
