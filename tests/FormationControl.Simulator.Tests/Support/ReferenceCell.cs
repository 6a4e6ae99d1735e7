using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Tests.Support;

/// <summary>
/// An independent, deliberately plain integration of the same equivalent circuit with constant coefficients (classic
/// RK4 with a small fixed step): two RC pairs, leakage, contact resistance and the lumped thermal model, to check the
/// simulator's closed forms against. Current positive = charge; efficiency η fixed.
/// </summary>
internal sealed class ReferenceCell(CellTruth truth, OcvTable ocv, double soc, double v1 = 0, double chargeEfficiency = 1, double v2 = 0,
    double temperatureC = 25, double ambientC = 25, double heatCapacityJPerK = 1000, double heatTransferWPerK = 10, double externalHeatW = 0)
{
    private readonly double _series = truth.R0Ohm + truth.ContactResistanceOhm;

    public double Soc { get; private set; } = soc;

    public double V1 { get; private set; } = v1;

    public double V2 { get; private set; } = v2;

    public double TemperatureC { get; private set; } = temperatureC;

    public double TimeS { get; private set; }

    public double ChargeAs { get; private set; }

    public double EnergyWs { get; private set; }

    public double HeatJ { get; private set; }

    public double Voltage(double currentA) => ocv.VoltageAt(Soc) + (currentA * _series) + V1 + V2;

    /// <summary>The current that holds <paramref name="voltageV"/>, clamped to the limits.</summary>
    public double HoldCurrent(double voltageV, double lowerA, double upperA) =>
        Math.Clamp((voltageV - ocv.VoltageAt(Soc) - V1 - V2) / _series, lowerA, upperA);

    public void StepCurrent(double currentA, double dt) => Step(dt, (s, a, b) => currentA);

    public void StepVoltage(double voltageV, double lowerA, double upperA, double dt) =>
        Step(dt, (s, a, b) => Math.Clamp((voltageV - ocv.VoltageAt(s) - a - b) / _series, lowerA, upperA));

    /// <summary>A resistive load across the terminals: I = −(OCV + V1 + V2)/(R_series + R_load).</summary>
    public void StepLoad(double loadOhm, double dt) => Step(dt, (s, a, b) => -(ocv.VoltageAt(s) + a + b) / (_series + loadOhm));

    private void Step(double dt, Func<double, double, double, double> current)
    {
        (double ds, double d1, double d2, double dT, double i, double heat) F(double s, double a, double b, double temperature)
        {
            double i = current(s, a, b);
            double eta = i > 0 ? chargeEfficiency : 1;
            double heat = (i * i * truth.R0Ohm) + (truth.R1Ohm > 0 ? a * a / truth.R1Ohm : 0) + (truth.R2Ohm > 0 ? b * b / truth.R2Ohm : 0);
            return (
                ((eta * i) - truth.SelfDischargeA) / (3600 * truth.CapacityAh),
                truth.R1Ohm > 0 ? (-a / truth.Tau1S) + (i / truth.C1F) : 0,
                truth.R2Ohm > 0 ? (-b / truth.Tau2S) + (i / truth.C2F) : 0,
                (heat + externalHeatW - (heatTransferWPerK * (temperature - ambientC))) / heatCapacityJPerK,
                i,
                heat);
        }

        double s0 = Soc, a0 = V1, b0 = V2, t0 = TemperatureC;
        var k1 = F(s0, a0, b0, t0);
        var k2 = F(s0 + (dt / 2 * k1.ds), a0 + (dt / 2 * k1.d1), b0 + (dt / 2 * k1.d2), t0 + (dt / 2 * k1.dT));
        var k3 = F(s0 + (dt / 2 * k2.ds), a0 + (dt / 2 * k2.d1), b0 + (dt / 2 * k2.d2), t0 + (dt / 2 * k2.dT));
        var k4 = F(s0 + (dt * k3.ds), a0 + (dt * k3.d1), b0 + (dt * k3.d2), t0 + (dt * k3.dT));
        double iAvg = (k1.i + (2 * k2.i) + (2 * k3.i) + k4.i) / 6;
        double vStart = ocv.VoltageAt(s0) + (k1.i * _series) + a0 + b0;
        Soc = s0 + (dt / 6 * (k1.ds + (2 * k2.ds) + (2 * k3.ds) + k4.ds));
        V1 = a0 + (dt / 6 * (k1.d1 + (2 * k2.d1) + (2 * k3.d1) + k4.d1));
        V2 = b0 + (dt / 6 * (k1.d2 + (2 * k2.d2) + (2 * k3.d2) + k4.d2));
        TemperatureC = t0 + (dt / 6 * (k1.dT + (2 * k2.dT) + (2 * k3.dT) + k4.dT));
        double vEnd = ocv.VoltageAt(Soc) + (current(Soc, V1, V2) * _series) + V1 + V2;
        ChargeAs += iAvg * dt;
        EnergyWs += iAvg * dt * (vStart + vEnd) / 2;
        HeatJ += dt / 6 * (k1.heat + (2 * k2.heat) + (2 * k3.heat) + k4.heat);
        TimeS += dt;
    }
}
