using CsCheck;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class ConstantCurrentPathTests
{
    private static readonly CellTruth Truth = new(0, 100, 0.45e-3, 0.68e-3, 30);

    private static SimulatedCell Cell(double soc, double v1) =>
        new(Truth, OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = soc, SeiBudgetFraction = 0 }) { V1 = v1 };

    [Fact]
    public void Voltage_is_ocv_plus_ohmic_drop_plus_an_exponentially_settling_rc_voltage()
    {
        // At most 100 A for 50 s moves SOC by 0.014: the path stays on the 0.3–0.4 piece.
        Gen.Select(Gen.Double[0.32, 0.38], Gen.Double[-100, 100], Gen.Double[-0.05, 0.05], Gen.Double[0, 50]).Sample((soc, current, v1, t) =>
        {
            var path = Cell(soc, v1).PlanCurrent(current);
            double eta = current > 0 ? 0.999 : 1;
            double socT = soc + (eta * current * t / 360_000);
            double rc = (current * Truth.R1Ohm) + ((v1 - (current * Truth.R1Ohm)) * Math.Exp(-t / 30));
            double expected = OcvTable.NmcGraphite.VoltageAt(socT) + (current * Truth.R0Ohm) + rc;
            return Math.Abs(path.VoltageAt(t) - expected) < 1e-12 && Math.Abs(path.SocAt(t) - socT) < 1e-14;
        });
    }

    [Fact]
    public void Energy_is_the_integral_of_voltage_times_current()
    {
        Gen.Select(Gen.Double[0.32, 0.38], Gen.Double[-100, 100], Gen.Double[-0.05, 0.05], Gen.Double[1e-3, 50]).Sample((soc, current, v1, t) =>
        {
            var path = Cell(soc, v1).PlanCurrent(current);
            var reference = new ReferenceCell(Truth, OcvTable.NmcGraphite, soc, v1, 0.999);
            const int steps = 2000;
            for (int i = 0; i < steps; i++)
            {
                reference.StepCurrent(current, t / steps);
            }

            double energy = path.EnergyWsAt(t, path.DecayAt(t));
            return Math.Abs(energy - reference.EnergyWs) <= 1e-6 * Math.Max(1, Math.Abs(reference.EnergyWs));
        });
    }

    [Fact]
    public void The_voltage_extremum_is_where_the_rc_relaxation_balances_the_ocv_slope()
    {
        // Charging right after a large discharge: V1 is strongly negative and rises, OCV rises: no extremum.
        // Charging gently right after a large charge: V1 decays faster than OCV rises, then OCV wins: a minimum.
        var rising = Cell(0.35, -0.05).PlanCurrent(10);
        Assert.True(double.IsNaN(rising.VoltageExtremumS));

        var path = Cell(0.35, 0.05).PlanCurrent(1);
        double t = path.VoltageExtremumS;
        Assert.InRange(t, 1, 1000);
        const double h = 1e-3;
        Assert.True(path.VoltageAt(t) < path.VoltageAt(t - h) && path.VoltageAt(t) < path.VoltageAt(t + h));
    }

    [Fact]
    public void The_path_reports_when_soc_leaves_its_ocv_piece()
    {
        var path = Cell(0.35, 0).PlanCurrent(36);

        // 0.05 SOC at 0.999 × 36 A on 100 Ah.
        double expected = 0.05 * 360_000 / (0.999 * 36);
        Assert.Equal(expected, path.SegmentExitWithin(1e6), 6);
        Assert.Equal(0.4, path.SegmentBoundary);
        Assert.Equal(double.PositiveInfinity, path.SegmentExitWithin(expected * 0.99));
    }
}
