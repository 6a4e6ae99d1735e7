using FormationControl.Core.Grading;

namespace FormationControl.Core.Tests.Grading;

public class LotStatisticsTests
{
    [Fact]
    public void Each_input_counts_only_the_cells_that_have_it()
    {
        var lot = LotStatistics.Of([new GradeInputs(CapacityAh: 100, OcvV: 3.6), new GradeInputs(CapacityAh: 102), new GradeInputs()]);
        Assert.True(lot.TryGet(GradeInput.Capacity, out var capacity));
        Assert.Equal((2, 101.0), (capacity.Count, capacity.Mean));
        Assert.True(lot.TryGet(GradeInput.Ocv, out var ocv));
        Assert.Equal(1, ocv.Count);
        Assert.False(lot.TryGet(GradeInput.KValue, out _));
        Assert.Equal([GradeInput.Capacity, GradeInput.Ocv], lot.Inputs.Select(i => i.Input));
    }
}
