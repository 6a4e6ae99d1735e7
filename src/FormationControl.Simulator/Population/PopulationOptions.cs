using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Population;

/// <summary>
/// How a <see cref="CellPopulation"/> spreads its cells (domain primer §5: capacity σ ≈ 0.5–1 %, resistance
/// σ ≈ 3–5 %, resistance ∝ 1/Ah for one design, τ1 ≈ 30 s).
/// </summary>
public sealed record PopulationOptions
{
    /// <summary>Shared default options.</summary>
    public static PopulationOptions Default { get; } = new();

    /// <summary>Mean capacity over nominal: cells are built with a little margin over their rating.</summary>
    public double CapacityMeanFactor { get; init; } = 1.01;

    /// <summary>Standard deviation of capacity, as a fraction of nominal.</summary>
    public double CapacitySigma { get; init; } = 0.007;

    /// <summary>R0 of a cell of <see cref="ReferenceCapacityAh"/>; scaled by reference / nominal.</summary>
    public double R0AtReferenceOhm { get; init; } = 0.45e-3;

    /// <summary>R1 of a cell of <see cref="ReferenceCapacityAh"/>; scaled like R0.</summary>
    public double R1AtReferenceOhm { get; init; } = 0.68e-3;

    /// <summary>Capacity the reference resistances are given for.</summary>
    public double ReferenceCapacityAh { get; init; } = 100;

    /// <summary>Relative standard deviation of R0 and of R1 (drawn independently).</summary>
    public double ResistanceSigma { get; init; } = 0.04;

    /// <summary>Time constant of the RC pair, the same for every cell.</summary>
    public double Tau1S { get; init; } = 30;

    /// <summary>The chemistry's OCV curve.</summary>
    public OcvTable Ocv { get; init; } = OcvTable.NmcGraphite;

    /// <summary>Starting state and first-charge loss of every cell.</summary>
    public CellOptions Cell { get; init; } = CellOptions.Default;
}
