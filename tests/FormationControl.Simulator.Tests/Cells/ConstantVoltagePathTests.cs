using CsCheck;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class ConstantVoltagePathTests
{
    private static readonly CellTruth Truth = new(0, 100, 0.45e-3, 0.68e-3, 30);

    [Fact]
    public void Closed_form_matches_a_fine_numerical_integration()
    {
        // Holds a little above or below the present voltage: at most ~70 A for 60 s moves SOC by 0.012, so the
        // path stays on the 0.4–0.5 piece. Efficiency 1 both ways, as the current may change sign on the way.
        var options = new CellOptions { SeiBudgetFraction = 0, ChargeEfficiency = 1 };
        Gen.Select(Gen.Double[0.43, 0.47], Gen.Double[-0.02, 0.02], Gen.Double[-0.01, 0.01], Gen.Double[1, 60]).Sample((soc, v1, offset, t) =>
        {
            var cell = new SimulatedCell(Truth, OcvTable.NmcGraphite, options with { InitialStateOfCharge = soc }) { V1 = v1 };
            double hold = cell.TerminalVoltage(0) + offset;
            var path = cell.PlanVoltage(hold);
            var reference = new ReferenceCell(Truth, OcvTable.NmcGraphite, soc, v1, 1);
            int steps = (int)Math.Ceiling(t / 0.01);
            for (int i = 0; i < steps; i++)
            {
                reference.StepVoltage(hold, double.NegativeInfinity, double.PositiveInfinity, t / steps);
            }

            double current = reference.HoldCurrent(hold, double.NegativeInfinity, double.PositiveInfinity);
            return Math.Abs(path.CurrentAt(t) - current) < 1e-6
                && Math.Abs(path.SocAt(t) - reference.Soc) < 1e-10
                && Math.Abs(path.V1At(t) - reference.V1) < 1e-9
                && Math.Abs(path.ChargeAsAt(t) - reference.ChargeAs) < 1e-4;
        });
    }

    [Fact]
    public void Stays_exact_on_the_steep_continuation_where_the_system_is_stiff()
    {
        var cell = new SimulatedCell(Truth, OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = 1.0002, SeiBudgetFraction = 0 }) { V1 = 0.01 };
        // Above SOC 1 the OCV rises 200 V per unit SOC: the held current collapses within seconds.
        var path = cell.PlanVoltage(4.3);
        Assert.Equal(1, path.Direction);
        var reference = new ReferenceCell(Truth, OcvTable.NmcGraphite, 1.0002, 0.01, 0.999);
        for (int i = 0; i < 20_000; i++)
        {
            reference.StepVoltage(4.3, double.NegativeInfinity, double.PositiveInfinity, 0.001);
        }

        Assert.Equal(reference.HoldCurrent(4.3, double.NegativeInfinity, double.PositiveInfinity), path.CurrentAt(20), 6);
        Assert.Equal(reference.Soc, path.SocAt(20), 10);
        Assert.True(path.CurrentAt(20) < path.CurrentAt(0) / 10);
    }

    [Fact]
    public void Holding_above_the_cell_charges_it_with_a_current_that_tapers()
    {
        var cell = new SimulatedCell(Truth, OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = 0.5, SeiBudgetFraction = 0 });
        var path = cell.PlanVoltage(3.70);
        Assert.Equal(1, path.Direction);
        double previous = path.CurrentAt(0);
        Assert.Equal((3.70 - 3.697) / Truth.R0Ohm, previous, 9);
        for (double t = 10; t < 3600; t += 10)
        {
            double current = path.CurrentAt(t);
            Assert.True(current < previous && current > 0, $"current {current} A at {t} s after {previous} A");
            previous = current;
        }

        Assert.Equal(3.70 * path.ChargeAsAt(100), path.EnergyWsAt(100), 9);
    }

    [Fact]
    public void The_current_extremum_is_where_its_derivative_vanishes()
    {
        // A high V1 (right after a charge pulse) makes the held current first rise as V1 relaxes, then taper.
        var cell = new SimulatedCell(Truth, OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = 0.5, SeiBudgetFraction = 0 }) { V1 = 0.05 };
        var path = cell.PlanVoltage(cell.TerminalVoltage(0) + 0.001);
        double t = path.CurrentExtremumS;
        Assert.InRange(t, 0.1, 1000);
        const double h = 1e-3;
        Assert.True(path.CurrentAt(t) > path.CurrentAt(t - h) && path.CurrentAt(t) > path.CurrentAt(t + h));
    }
}
