namespace FormationControl.Simulator.Cells;

/// <summary>
/// The coefficients of a cell's equivalent circuit frozen for one epoch: resistances at the epoch's temperature and
/// SOC, the RC pairs, the thermal constants and the inputs (ambient, external heat, leakage). With them frozen, the
/// circuit is linear with constant coefficients and every path has a closed form. An RC pair with R = 0 is absent.
/// </summary>
internal readonly record struct CellCoefficients(
    double R0Ohm,
    double SeriesOhm,
    double R1Ohm,
    double Tau1S,
    double R2Ohm,
    double Tau2S,
    double LeakA,
    double SocPerAmpereSecond,
    double HeatCapacityJPerK,
    double CoolingRatePerS,
    double AmbientC,
    double ExternalHeatW)
{
    public bool HasPair1 => R1Ohm > 0;

    public bool HasPair2 => R2Ohm > 0;

    /// <summary>1/τ1, 0 without the pair.</summary>
    public double InverseTau1 => R1Ohm > 0 ? 1 / Tau1S : 0;

    /// <summary>1/τ2, 0 without the pair.</summary>
    public double InverseTau2 => R2Ohm > 0 ? 1 / Tau2S : 0;

    /// <summary>1/C1 = R1/τ1, 0 without the pair.</summary>
    public double InverseC1 => R1Ohm > 0 ? R1Ohm / Tau1S : 0;

    /// <summary>1/C2 = R2/τ2, 0 without the pair.</summary>
    public double InverseC2 => R2Ohm > 0 ? R2Ohm / Tau2S : 0;

    /// <summary>Heat generated inside the cell (Joule heat in R0 and the RC resistors) at a state.</summary>
    public double JouleHeatW(double currentA, double v1, double v2) =>
        (currentA * currentA * R0Ohm) + (R1Ohm > 0 ? v1 * v1 / R1Ohm : 0) + (R2Ohm > 0 ? v2 * v2 / R2Ohm : 0);
}
