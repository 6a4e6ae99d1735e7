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
    [InlineData(100, 0.45e-3, -1e-3, 30)]
    [InlineData(100, 0.45e-3, 0.68e-3, 0)]
    [InlineData(100, 0.45e-3, 0.68e-3, double.NaN)]
    public void A_cell_with_a_non_positive_parameter_is_refused(double capacity, double r0, double r1, double tau)
    {
        var e = Assert.Throws<ArgumentException>(() => new SimulatedCell(new CellTruth(7, capacity, r0, r1, tau), OcvTable.NmcGraphite));
        Assert.Contains("Cell 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_with_zero_resistance_is_absent_and_two_pairs_need_distinct_time_constants()
    {
        var truth = new CellTruth(1, 100, 0.45e-3, 0, 0);
        Assert.Equal(double.PositiveInfinity, truth.C1F);
        _ = new SimulatedCell(truth, OcvTable.NmcGraphite);
        var e = Assert.Throws<ArgumentException>(() => new SimulatedCell(new CellTruth(2, 100, 0.45e-3, 0.68e-3, 30, 0.3e-3, 30), OcvTable.NmcGraphite));
        Assert.Contains("different time constants", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dead_cell_is_an_open_circuit()
    {
        Assert.True(new CellTruth(0, 100, 0.45e-3, 0.68e-3, 30, Defect: CellDefect.Dead).IsOpenCircuit);
        Assert.False(new CellTruth(0, 100, 0.45e-3, 0.68e-3, 30, Defect: CellDefect.PoorContact).IsOpenCircuit);
    }
}
