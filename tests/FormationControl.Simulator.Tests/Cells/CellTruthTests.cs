using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class CellTruthTests
{
    [Fact]
    public void C1_is_tau_over_R1()
    {
        var truth = new CellTruth(3, 100, 0.45e-3, 0.68e-3, 30);
        Assert.Equal(30 / 0.68e-3, truth.C1F, 6);
    }

    [Theory]
    [InlineData(0, 0.45e-3, 0.68e-3, 30)]
    [InlineData(100, -1e-3, 0.68e-3, 30)]
    [InlineData(100, 0.45e-3, 0, 30)]
    [InlineData(100, 0.45e-3, 0.68e-3, double.NaN)]
    public void A_cell_with_a_non_positive_parameter_is_refused(double capacity, double r0, double r1, double tau)
    {
        var e = Assert.Throws<ArgumentException>(() => new SimulatedCell(new CellTruth(7, capacity, r0, r1, tau), OcvTable.NmcGraphite));
        Assert.Contains("Cell 7", e.Message, StringComparison.Ordinal);
    }
}
