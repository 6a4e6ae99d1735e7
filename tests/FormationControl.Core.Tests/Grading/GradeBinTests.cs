using FormationControl.Core.Grading;

namespace FormationControl.Core.Tests.Grading;

public class GradeBinTests
{
    [Theory]
    [InlineData(1, 2, 2, 3, false)]
    [InlineData(2, 3, 1, 2, false)]
    [InlineData(1, 2.5, 2, 3, true)]
    [InlineData(1, 5, 2, 3, true)]
    [InlineData(2, 3, 2, 3, true)]
    [InlineData(0, 1, 5, 6, false)]
    public void Overlap_is_symmetric_and_touching_edges_do_not_overlap(double aMin, double aMax, double bMin, double bMax, bool overlaps)
    {
        var a = new GradeBin("a", aMin, aMax);
        var b = new GradeBin("b", bMin, bMax);
        Assert.Equal(overlaps, a.Overlaps(b));
        Assert.Equal(overlaps, b.Overlaps(a));
    }

    [Fact]
    public void Text_shows_the_half_open_range()
    {
        Assert.Equal("'B' [99.5, 100.5) Ah", new GradeBin("B", 99.5, 100.5).ToString());
    }
}
