using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Population;

/// <summary>
/// How a <see cref="CellPopulation"/> spreads its cells (domain primer §5: capacity σ ≈ 0.5–1 %, resistance
/// σ ≈ 3–5 %, resistance ∝ 1/Ah for one design, τ1 ≈ 30 s, self-discharge log-normal, rare defects).
/// </summary>
public sealed record PopulationOptions
{
    /// <summary>Shared default options: NMC, production spread, no defects.</summary>
    public static PopulationOptions Default { get; } = new();

    /// <summary>Mean capacity over nominal: cells are built with a little margin over their rating.</summary>
    public double CapacityMeanFactor { get; init; } = 1.01;

    /// <summary>Standard deviation of capacity, as a fraction of nominal.</summary>
    public double CapacitySigma { get; init; } = 0.007;

    /// <summary>R0 of a cell of <see cref="ReferenceCapacityAh"/>; scaled by reference / nominal.</summary>
    public double R0AtReferenceOhm { get; init; } = 0.45e-3;

    /// <summary>R1 (fast RC pair) of a cell of <see cref="ReferenceCapacityAh"/>; scaled like R0.</summary>
    public double R1AtReferenceOhm { get; init; } = 0.68e-3;

    /// <summary>R2 (slow RC pair, diffusion) of a cell of <see cref="ReferenceCapacityAh"/>; scaled like R0. 0: one pair only.</summary>
    public double R2AtReferenceOhm { get; init; } = 0.30e-3;

    /// <summary>Capacity the reference resistances are given for.</summary>
    public double ReferenceCapacityAh { get; init; } = 100;

    /// <summary>Relative standard deviation of R0, R1 and R2 (drawn independently).</summary>
    public double ResistanceSigma { get; init; } = 0.04;

    /// <summary>Time constant of the fast RC pair, the same for every cell (capacitance scales with Ah, so τ does not).</summary>
    public double Tau1S { get; init; } = 30;

    /// <summary>Time constant of the slow RC pair.</summary>
    public double Tau2S { get; init; } = 400;

    /// <summary>Median self-discharge of a good cell, as a fraction of its capacity per day (0.0003 = 0.03 %/day, about 1 %/month).</summary>
    public double SelfDischargeMedianPerDay { get; init; } = 0.0003;

    /// <summary>Standard deviation of ln(self-discharge) of good cells (log-normal spread).</summary>
    public double SelfDischargeLogSigma { get; init; } = 0.5;

    /// <summary>How often each defect class occurs.</summary>
    public DefectRates Defects { get; init; } = DefectRates.None;

    /// <summary>A micro-short's self-discharge over the median, drawn log-uniformly between these.</summary>
    public (double Min, double Max) MicroShortFactor { get; init; } = (20, 200);

    /// <summary>A high-resistance cell's R0 and R1 over their drawn values, drawn uniformly between these.</summary>
    public (double Min, double Max) HighResistanceFactor { get; init; } = (1.5, 3);

    /// <summary>A poor contact's resistance in units of the reference R0 (scaled to the nominal capacity), drawn uniformly.</summary>
    public (double Min, double Max) PoorContactFactor { get; init; } = (3, 10);

    /// <summary>The chemistry's OCV curve.</summary>
    public OcvTable Ocv { get; init; } = OcvTable.NmcGraphite;

    /// <summary>Starting state, first-charge loss, resistance and thermal behaviour of every cell.</summary>
    public CellOptions Cell { get; init; } = CellOptions.Default;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Defects, nameof(Defects));
        ArgumentNullException.ThrowIfNull(Ocv, nameof(Ocv));
        ArgumentNullException.ThrowIfNull(Cell, nameof(Cell));
        Defects.Validate();
        if (!(R0AtReferenceOhm > 0) || R1AtReferenceOhm < 0 || R2AtReferenceOhm < 0 || !(ReferenceCapacityAh > 0) || !(Tau1S > 0) || !(Tau2S > 0)
            || !(SelfDischargeMedianPerDay >= 0) || !(SelfDischargeLogSigma >= 0) || !(CapacityMeanFactor > 0) || !(CapacitySigma >= 0) || !(ResistanceSigma >= 0))
        {
            throw new ArgumentException("Population options: resistances, time constants, capacities and spreads must be positive (or zero where a pair or a spread may be absent).");
        }

        if (!(MicroShortFactor.Min > 0 && MicroShortFactor.Max >= MicroShortFactor.Min) || !(HighResistanceFactor.Min > 0 && HighResistanceFactor.Max >= HighResistanceFactor.Min)
            || !(PoorContactFactor.Min >= 0 && PoorContactFactor.Max >= PoorContactFactor.Min))
        {
            throw new ArgumentException("Population options: each defect severity range must be positive with Min <= Max.");
        }
    }
}
