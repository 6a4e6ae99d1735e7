using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class CellOptionsTests
{
    [Fact]
    public void Defaults_describe_a_fresh_cell()
    {
        var o = CellOptions.Default;
        Assert.Equal(0.0, o.InitialStateOfCharge);
        Assert.Equal(0.12, o.SeiBudgetFraction);
        Assert.Equal(0.88, o.SeiChargeEfficiency);
        Assert.Equal(0.999, o.ChargeEfficiency);
        Assert.Equal(25.0, o.AmbientTemperatureC);
    }

    [Theory]
    [InlineData(1.0, 0.88, 0.999)]
    [InlineData(0.12, 1.0, 0.999)]
    [InlineData(0.12, 0.88, 1.2)]
    [InlineData(-0.1, 0.88, 0.999)]
    public void Out_of_range_efficiencies_are_refused(double budget, double seiEfficiency, double efficiency)
    {
        var options = new CellOptions { SeiBudgetFraction = budget, SeiChargeEfficiency = seiEfficiency, ChargeEfficiency = efficiency };
        Assert.Throws<ArgumentException>(() => new SimulatedCell(new CellTruth(0, 100, 0.45e-3, 0.68e-3, 30), OcvTable.NmcGraphite, options));
    }
}
