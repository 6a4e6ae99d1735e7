using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Tests.Support;

/// <summary>
/// An independent, deliberately plain integration of the same equivalent circuit (classic RK4 with a small
/// fixed step), to check the simulator's closed forms against. Current positive = charge; efficiency η fixed.
/// </summary>
internal sealed class ReferenceCell(CellTruth truth, OcvTable ocv, double soc, double v1 = 0, double chargeEfficiency = 1)
{
    public double Soc { get; private set; } = soc;

    public double V1 { get; private set; } = v1;

    public double TimeS { get; private set; }

    public double ChargeAs { get; private set; }

    public double EnergyWs { get; private set; }

    public double Voltage(double currentA) => ocv.VoltageAt(Soc) + (currentA * truth.R0Ohm) + V1;

    /// <summary>The current that holds <paramref name="voltageV"/>, clamped to the limits.</summary>
    public double HoldCurrent(double voltageV, double lowerA, double upperA) =>
        Math.Clamp((voltageV - ocv.VoltageAt(Soc) - V1) / truth.R0Ohm, lowerA, upperA);

    public void StepCurrent(double currentA, double dt) => Step(dt, (s, v) => currentA);

    public void StepVoltage(double voltageV, double lowerA, double upperA, double dt) =>
        Step(dt, (s, v) => Math.Clamp((voltageV - ocv.VoltageAt(s) - v) / truth.R0Ohm, lowerA, upperA));

    private void Step(double dt, Func<double, double, double> current)
    {
        (double ds, double dv, double i) F(double s, double v)
        {
            double i = current(s, v);
            double eta = i > 0 ? chargeEfficiency : 1;
            return (eta * i / (3600 * truth.CapacityAh), (-v / truth.Tau1S) + (i / truth.C1F), i);
        }

        double s0 = Soc, v0 = V1;
        var k1 = F(s0, v0);
        var k2 = F(s0 + (dt / 2 * k1.ds), v0 + (dt / 2 * k1.dv));
        var k3 = F(s0 + (dt / 2 * k2.ds), v0 + (dt / 2 * k2.dv));
        var k4 = F(s0 + (dt * k3.ds), v0 + (dt * k3.dv));
        double iAvg = (k1.i + (2 * k2.i) + (2 * k3.i) + k4.i) / 6;
        double vStart = ocv.VoltageAt(s0) + (k1.i * truth.R0Ohm) + v0;
        Soc = s0 + (dt / 6 * (k1.ds + (2 * k2.ds) + (2 * k3.ds) + k4.ds));
        V1 = v0 + (dt / 6 * (k1.dv + (2 * k2.dv) + (2 * k3.dv) + k4.dv));
        double vEnd = ocv.VoltageAt(Soc) + (current(Soc, V1) * truth.R0Ohm) + V1;
        ChargeAs += iAvg * dt;
        EnergyWs += iAvg * dt * (vStart + vEnd) / 2;
        TimeS += dt;
    }
}
