using CsCheck;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class FixedCurrentPathTests
{
    // Two RC pairs and a leak; constant resistances, so the circuit is exactly linear.
    private static readonly CellTruth Truth = new(0, 100, 0.45e-3, 0.68e-3, 30, 0.30e-3, 400, SelfDischargeA: 0.002);

    private static SimulatedCell Cell(double soc, double v1, double v2 = 0, CellTruth? truth = null) =>
        new(truth ?? Truth, OcvTable.NmcGraphite, CellOptions.ConstantResistance with { InitialStateOfCharge = soc, SeiBudgetFraction = 0 }) { V1 = v1, V2 = v2 };

    [Fact]
    public void Voltage_is_ocv_plus_ohmic_drop_plus_two_exponentially_settling_rc_voltages()
    {
        // At most 100 A for 50 s moves SOC by 0.014: the path stays on the 0.3–0.4 piece.
        Gen.Select(Gen.Double[0.32, 0.38], Gen.Double[-100, 100], Gen.Double[-0.05, 0.05], Gen.Double[-0.02, 0.02], Gen.Double[0, 50]).Sample((soc, current, v1, v2, t) =>
        {
            var path = Cell(soc, v1, v2).PlanCurrent(current);
            double eta = current > 0 ? 0.999 : 1;
            double socT = soc + (((eta * current) - Truth.SelfDischargeA) * t / 360_000);
            double rc1 = (current * Truth.R1Ohm) + ((v1 - (current * Truth.R1Ohm)) * Math.Exp(-t / 30));
            double rc2 = (current * Truth.R2Ohm) + ((v2 - (current * Truth.R2Ohm)) * Math.Exp(-t / 400));
            double expected = OcvTable.NmcGraphite.VoltageAt(socT) + (current * Truth.R0Ohm) + rc1 + rc2;
            return Math.Abs(path.VoltageAt(t) - expected) < 1e-12 && Math.Abs(path.SocAt(t) - socT) < 1e-14;
        });
    }

    [Fact]
    public void Energy_heat_and_temperature_match_a_fine_numerical_integration()
    {
        Gen.Select(Gen.Double[0.32, 0.38], Gen.Double[-100, 100], Gen.Double[-0.05, 0.05], Gen.Double[-0.02, 0.02], Gen.Double[1e-3, 50]).Sample((soc, current, v1, v2, t) =>
        {
            var cell = Cell(soc, v1, v2);
            cell.TemperatureC = 27;
            var path = cell.PlanCurrent(current);
            var reference = new ReferenceCell(Truth, OcvTable.NmcGraphite, soc, v1, 0.999, v2, temperatureC: 27);
            const int steps = 2000;
            for (int i = 0; i < steps; i++)
            {
                reference.StepCurrent(current, t / steps);
            }

            var d = path.DecaysAt(t);
            return Math.Abs(path.EnergyWsAt(t, d) - reference.EnergyWs) <= 1e-6 * Math.Max(1, Math.Abs(reference.EnergyWs))
                && Math.Abs(path.HeatJAt(t, d) - reference.HeatJ) <= 1e-8 * Math.Max(1, reference.HeatJ)
                && Math.Abs(path.TemperatureAt(t, d) - reference.TemperatureC) < 1e-10
                && Math.Abs(path.V2At(d) - reference.V2) < 1e-12;
        });
    }

    [Fact]
    public void Temperature_rises_by_the_i2r_heat_towards_its_equilibrium()
    {
        // R0 only: P = I²R0 is constant, so T = Ta + (P/hA)(1 − e^(−t·hA/C)).
        var truth = new CellTruth(0, 100, 0.45e-3, 0, 0);
        var path = Cell(0.5, 0, 0, truth).PlanCurrent(150);
        double power = 150 * 150 * 0.45e-3;
        foreach (double t in new[] { 1.0, 30, 100, 300, 2000 })
        {
            double expected = 25 + (power / 10 * (1 - Math.Exp(-t / 100)));
            Assert.Equal(expected, path.TemperatureAt(t, path.DecaysAt(t)), 12);
            Assert.Equal(power * t, path.HeatJAt(t, path.DecaysAt(t)), 9);
        }
    }

    [Fact]
    public void Finds_both_voltage_extrema_when_the_two_rc_pairs_relax_against_each_other()
    {
        // After a charge pulse on top of an old discharge: V1 > 0 falls fast, V2 < 0 recovers slowly, and a heavy leak
        // pulls the OCV down in the end: the voltage falls, rises, then falls again.
        var truth = Truth with { SelfDischargeA = 1 };
        var path = Cell(0.35, 0.02, -0.01, truth).PlanCurrent(0);
        const double h = 5000;
        int count = path.VoltageExtrema(h, out double first, out double second);
        Assert.Equal(2, count);
        Assert.True(first < second);
        const double dt = 1e-2;
        Assert.True(path.VoltageAt(first) < path.VoltageAt(first - dt) && path.VoltageAt(first) < path.VoltageAt(first + dt), "first is a minimum");
        Assert.True(path.VoltageAt(second) > path.VoltageAt(second - dt) && path.VoltageAt(second) > path.VoltageAt(second + dt), "second is a maximum");

        // A dense scan finds no other turning point.
        int turns = 0;
        double previous = path.VoltageAt(0.5) - path.VoltageAt(0);
        for (double t = 1; t < h; t += 0.5)
        {
            double delta = path.VoltageAt(t) - path.VoltageAt(t - 0.5);
            turns += (delta > 0) != (previous > 0) ? 1 : 0;
            previous = delta;
        }

        Assert.Equal(2, turns);
    }

    [Fact]
    public void A_monotone_voltage_has_no_extremum()
    {
        var path = Cell(0.35, -0.05).PlanCurrent(10);
        Assert.Equal(0, path.VoltageExtrema(1000, out _, out _));
    }

    [Fact]
    public void The_path_reports_when_soc_leaves_its_ocv_piece()
    {
        var path = Cell(0.35, 0, 0, Truth with { SelfDischargeA = 0 }).PlanCurrent(36);

        // 0.05 SOC at 0.999 × 36 A on 100 Ah.
        double expected = 0.05 * 360_000 / (0.999 * 36);
        Assert.Equal(expected, path.SegmentExitWithin(1e6), 6);
        Assert.Equal(0.4, path.SegmentBoundary);
        Assert.Equal(double.PositiveInfinity, path.SegmentExitWithin(expected * 0.99));
    }

    [Fact]
    public void A_resting_cell_loses_soc_to_its_leak()
    {
        var path = Cell(0.5, 0).PlanCurrent(0);
        Assert.Equal(0.5 - (0.002 * 86_400 / 360_000), path.SocAt(86_400), 14);
    }
}
