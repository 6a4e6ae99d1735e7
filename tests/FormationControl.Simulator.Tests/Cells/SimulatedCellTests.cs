using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class SimulatedCellTests
{
    private static readonly CellTruth Truth = new(0, 100, 0.45e-3, 0.68e-3, 30);

    [Fact]
    public void A_new_cell_is_relaxed_at_its_initial_soc_with_its_whole_sei_budget()
    {
        var cell = new SimulatedCell(Truth, OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = 0.3 });
        Assert.Equal(0.3, cell.Soc);
        Assert.Equal(0.0, cell.V1);
        Assert.Equal(12.0, cell.SeiRemainingAh, 12);
        Assert.Equal(3.625, cell.TerminalVoltage(0), 12);
        Assert.Equal(3.625 + (10 * 0.45e-3), cell.TerminalVoltage(10), 12);
        Assert.Equal(25.0, cell.TemperatureC);
    }

    [Fact]
    public void The_holding_current_is_what_puts_the_terminal_at_the_setpoint()
    {
        var cell = new SimulatedCell(Truth, OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = 0.5 }) { V1 = 0.004 };
        double current = cell.HoldingCurrent(3.71);
        Assert.Equal(3.71, cell.TerminalVoltage(current), 12);
    }

    [Fact]
    public void Charge_goes_into_soc_at_the_sei_efficiency_until_the_budget_is_used()
    {
        var cell = new SimulatedCell(Truth, OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = 0.31 });
        var path = cell.PlanCurrent(36);
        Assert.Equal(0.88 * 36 * 100 / (3600 * 100), path.SocAt(100) - 0.31, 12);
        Assert.Equal(12 - (0.12 * 1.0), path.SeiRemainingAhAt(100), 12);

        // Budget 12 Ah at 0.12 × 36 A / 3600 per second lasts 10,000 s.
        Assert.Equal(10_000, path.SeiExhaustedWithin(20_000), 6);
        Assert.Equal(double.PositiveInfinity, path.SeiExhaustedWithin(9_999));
    }

    [Fact]
    public void Discharge_is_counted_at_full_efficiency_even_before_the_sei_has_formed()
    {
        var cell = new SimulatedCell(Truth, OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = 0.5 });
        var path = cell.PlanCurrent(-36);
        Assert.Equal(-0.01, path.SocAt(100) - 0.5, 12);
        Assert.Equal(12, path.SeiRemainingAhAt(100));
    }
}
