using CsCheck;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class HeldVoltagePathTests
{
    private static readonly CellTruth OnePair = new(0, 100, 0.45e-3, 0.68e-3, 30);
    private static readonly CellTruth Full = new(0, 100, 0.45e-3, 0.68e-3, 30, 0.30e-3, 400, SelfDischargeA: 0.05, ContactResistanceOhm: 0.1e-3);

    private static SimulatedCell Cell(CellTruth truth, double soc, double v1 = 0, double v2 = 0, double chargeEfficiency = 0.999) =>
        new(truth, OcvTable.NmcGraphite, CellOptions.ConstantResistance with { InitialStateOfCharge = soc, SeiBudgetFraction = 0, ChargeEfficiency = chargeEfficiency }) { V1 = v1, V2 = v2 };

    [Fact]
    public void Closed_form_matches_a_fine_numerical_integration()
    {
        // Holds a little above or below the present voltage: at most ~70 A for 60 s moves SOC by 0.012, so the
        // path stays on the 0.4–0.5 piece. Efficiency 1 both ways, as the current may change sign on the way.
        Gen.Select(Gen.Double[0.43, 0.47], Gen.Double[-0.02, 0.02], Gen.Double[-0.01, 0.01], Gen.Double[-0.01, 0.01], Gen.Double[1, 60]).Sample((soc, v1, v2, offset, t) =>
        {
            var cell = Cell(Full, soc, v1, v2, chargeEfficiency: 1);
            cell.TemperatureC = 24;
            double hold = cell.TerminalVoltage(0) + offset;
            var path = cell.PlanVoltage(hold);
            var reference = new ReferenceCell(Full, OcvTable.NmcGraphite, soc, v1, 1, v2, temperatureC: 24);
            int steps = (int)Math.Ceiling(t / 0.01);
            for (int i = 0; i < steps; i++)
            {
                reference.StepVoltage(hold, double.NegativeInfinity, double.PositiveInfinity, t / steps);
            }

            double current = reference.HoldCurrent(hold, double.NegativeInfinity, double.PositiveInfinity);
            return Math.Abs(path.CurrentAt(t) - current) < 1e-6
                && Math.Abs(path.SocAt(t) - reference.Soc) < 1e-10
                && Math.Abs(path.V1At(t) - reference.V1) < 1e-9
                && Math.Abs(path.V2At(t) - reference.V2) < 1e-9
                && Math.Abs(path.ChargeAsAt(t) - reference.ChargeAs) < 1e-4
                && Math.Abs(path.HeatJAt(t) - reference.HeatJ) < 1e-6 * Math.Max(1, reference.HeatJ)
                && Math.Abs(path.TemperatureAt(t) - reference.TemperatureC) < 1e-9;
        });
    }

    [Fact]
    public void A_resistive_load_matches_a_fine_numerical_integration()
    {
        Gen.Select(Gen.Double[0.43, 0.47], Gen.Double[-0.02, 0.02], Gen.Double[0.05, 1], Gen.Double[1, 60]).Sample((soc, v1, load, t) =>
        {
            var cell = Cell(Full, soc, v1);
            var path = cell.PlanLoad(load);
            var reference = new ReferenceCell(Full, OcvTable.NmcGraphite, soc, v1, 0.999);
            int steps = (int)Math.Ceiling(t / 0.01);
            for (int i = 0; i < steps; i++)
            {
                reference.StepLoad(load, t / steps);
            }

            double current = -(OcvTable.NmcGraphite.VoltageAt(reference.Soc) + reference.V1 + reference.V2) / (Full.R0Ohm + Full.ContactResistanceOhm + load);
            return path.Direction == -1
                && Math.Abs(path.CurrentAt(t) - current) < 1e-7
                && Math.Abs(path.TerminalVoltageAt(t) + (current * load)) < 1e-7
                && Math.Abs(path.SocAt(t) - reference.Soc) < 1e-10
                && Math.Abs(path.EnergyWsAt(t) - reference.EnergyWs) < 1e-6 * Math.Abs(reference.EnergyWs);
        });
    }

    [Fact]
    public void Stays_exact_on_the_steep_continuation_where_the_system_is_stiff()
    {
        var cell = Cell(OnePair, 1.0002, 0.01);
        // Above SOC 1 the OCV rises 200 V per unit SOC: the held current collapses within seconds.
        var path = cell.PlanVoltage(4.3);
        Assert.Equal(1, path.Direction);
        var reference = new ReferenceCell(OnePair, OcvTable.NmcGraphite, 1.0002, 0.01, 0.999);
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
        var cell = Cell(OnePair, 0.5);
        var path = cell.PlanVoltage(3.70);
        Assert.Equal(1, path.Direction);
        double previous = path.CurrentAt(0);
        Assert.Equal((3.70 - 3.697) / OnePair.R0Ohm, previous, 9);
        for (double t = 10; t < 3600; t += 10)
        {
            double current = path.CurrentAt(t);
            Assert.True(current < previous && current > 0, $"current {current} A at {t} s after {previous} A");
            previous = current;
        }

        Assert.Equal(3.70 * path.ChargeAsAt(100), path.EnergyWsAt(100), 9);
    }

    [Fact]
    public void A_leaking_cell_held_at_its_voltage_draws_its_leak_for_ever()
    {
        // A micro-short: at equilibrium the charger replaces exactly the leakage, I* = I_leak / η.
        var truth = Full with { SelfDischargeA = 0.2, ContactResistanceOhm = 0 };
        var cell = Cell(truth, 0.45);
        var path = cell.PlanVoltage(cell.TerminalVoltage(0) + 0.002);
        Assert.Equal(0.2 / 0.999, path.CurrentAt(1e6), 9);
    }

    [Fact]
    public void The_current_extrema_are_where_its_derivative_vanishes()
    {
        // A high V1 (right after a charge pulse) makes the held current first rise as V1 relaxes, then taper.
        var cell = Cell(OnePair, 0.5, 0.05);
        var path = cell.PlanVoltage(cell.TerminalVoltage(0) + 0.001);
        Assert.Equal(1, path.CurrentExtrema(1000, out double t, out _));
        Assert.InRange(t, 0.1, 1000);
        const double h = 1e-3;
        Assert.True(path.CurrentAt(t) > path.CurrentAt(t - h) && path.CurrentAt(t) > path.CurrentAt(t + h));
    }
}
