namespace FormationControl.Simulator.Cells;

/// <summary>
/// The ground truth of one simulated cell, which a grading run should recover from what it measures. Resistances
/// and time constants are the values at the reference temperature (<see cref="CellOptions.ReferenceTemperatureC"/>)
/// and 50 % SOC; the model scales them with temperature and SOC.
/// </summary>
/// <param name="Index">Position in its population (0-based).</param>
/// <param name="CapacityAh">Capacity Q: the charge between SOC 0 and 1.</param>
/// <param name="R0Ohm">Series (ohmic) resistance; what a 1 kHz ACIR meter reads.</param>
/// <param name="R1Ohm">Resistance of the fast RC pair (0: no such pair).</param>
/// <param name="Tau1S">Time constant R1·C1 of the fast RC pair, in seconds.</param>
/// <param name="R2Ohm">Resistance of the slow RC pair (0: no such pair).</param>
/// <param name="Tau2S">Time constant R2·C2 of the slow RC pair, in seconds; must differ from <paramref name="Tau1S"/>.</param>
/// <param name="SelfDischargeA">Internal leakage current that discharges the cell whatever the channel does.</param>
/// <param name="Defect">The defect class (<see cref="CellDefect.None"/> for a good cell).</param>
/// <param name="ContactResistanceOhm">Resistance between the cell and the channel's fixture, in series with R0 for the channel (not inside the cell, so not heating it and not seen by a Kelvin-probe meter).</param>
public sealed record CellTruth(
    int Index,
    double CapacityAh,
    double R0Ohm,
    double R1Ohm,
    double Tau1S,
    double R2Ohm = 0,
    double Tau2S = 0,
    double SelfDischargeA = 0,
    CellDefect Defect = CellDefect.None,
    double ContactResistanceOhm = 0)
{
    /// <summary>Capacitance of the fast RC pair, C1 = τ1 / R1, in farads (infinite without the pair).</summary>
    public double C1F => R1Ohm > 0 ? Tau1S / R1Ohm : double.PositiveInfinity;

    /// <summary>Capacitance of the slow RC pair, C2 = τ2 / R2, in farads (infinite without the pair).</summary>
    public double C2F => R2Ohm > 0 ? Tau2S / R2Ohm : double.PositiveInfinity;

    /// <summary>Whether the cell conducts at all (a dead cell does not).</summary>
    public bool IsOpenCircuit => Defect == CellDefect.Dead;

    internal void Validate()
    {
        bool finite = double.IsFinite(CapacityAh) && double.IsFinite(R0Ohm) && double.IsFinite(R1Ohm) && double.IsFinite(Tau1S)
            && double.IsFinite(R2Ohm) && double.IsFinite(Tau2S) && double.IsFinite(SelfDischargeA) && double.IsFinite(ContactResistanceOhm);
        if (!finite || !(CapacityAh > 0) || !(R0Ohm > 0) || R1Ohm < 0 || R2Ohm < 0 || SelfDischargeA < 0 || ContactResistanceOhm < 0)
        {
            throw new ArgumentException($"Cell {Index}: capacity and R0 must be positive; R1, R2, self-discharge and contact resistance zero or positive; all finite (got {CapacityAh} Ah, R0 {R0Ohm}, R1 {R1Ohm}, R2 {R2Ohm} ohm, {SelfDischargeA} A, contact {ContactResistanceOhm} ohm).");
        }

        if ((R1Ohm > 0 && !(Tau1S > 0)) || (R2Ohm > 0 && !(Tau2S > 0)))
        {
            throw new ArgumentException($"Cell {Index}: an RC pair with a resistance needs a positive time constant (got tau1 {Tau1S} s, tau2 {Tau2S} s).");
        }

        if (R1Ohm > 0 && R2Ohm > 0 && Math.Abs(Tau1S - Tau2S) <= 1e-9 * Tau1S)
        {
            throw new ArgumentException($"Cell {Index}: the two RC pairs need different time constants (both {Tau1S} s); use one pair instead.");
        }

        if (!Enum.IsDefined(Defect))
        {
            throw new ArgumentException($"Cell {Index}: unknown defect class {(int)Defect}.");
        }
    }
}
