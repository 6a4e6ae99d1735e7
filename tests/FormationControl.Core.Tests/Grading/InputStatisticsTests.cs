using CsCheck;
using FormationControl.Core.Grading;

namespace FormationControl.Core.Tests.Grading;

public class InputStatisticsTests
{
    [Fact]
    public void Known_sample()
    {
        var s = InputStatistics.Of([4, 1, 3, 2, double.NaN])!;
        Assert.Equal((4, 2.5, 2.5, 1.0, 4.0), (s.Count, s.Mean, s.Median, s.Min, s.Max));
        Assert.Equal(Math.Sqrt(5.0 / 3), s.StdDev, 12);
        Assert.Equal(1.15, s.P05, 12);
    }

    [Fact]
    public void Nothing_finite_gives_no_statistics() => Assert.Null(InputStatistics.Of([double.PositiveInfinity]));

    [Fact]
    public void Median_lies_between_min_and_max_and_mean_matches_the_naive_sum()
    {
        Gen.Double[-1e6, 1e6].Array[1, 200].Sample(values =>
        {
            var s = InputStatistics.Of(values)!;
            Assert.InRange(s.Median, s.Min, s.Max);
            Assert.Equal(values.Average(), s.Mean, 6);
            Assert.True(s.StdDev >= 0);
        });
    }
}
