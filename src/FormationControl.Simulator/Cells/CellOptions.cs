namespace FormationControl.Simulator.Cells;

/// <summary>
/// Cell behaviour that is not a per-cell ground-truth parameter: the starting point and the first-charge
/// (SEI formation) loss. Defaults describe a freshly assembled NMC cell (domain primer §1 and §5).
/// </summary>
public sealed record CellOptions
{
    /// <summary>Shared default options.</summary>
    public static CellOptions Default { get; } = new();

    /// <summary>State of charge when the cell is created; a fresh assembled cell is empty (0).</summary>
    public double InitialStateOfCharge { get; init; }

    /// <summary>
    /// Charge, as a fraction of the capacity, that the first charge loses into the solid-electrolyte
    /// interphase before the cell charges efficiently. 0.12 gives a first-cycle efficiency of about 0.89.
    /// </summary>
    public double SeiBudgetFraction { get; init; } = 0.12;

    /// <summary>Fraction of the charge current that reaches the SOC while the SEI budget lasts; the rest builds SEI.</summary>
    public double SeiChargeEfficiency { get; init; } = 0.88;

    /// <summary>Coulombic efficiency of charging once the SEI has formed. Discharge is always 1.0.</summary>
    public double ChargeEfficiency { get; init; } = 0.999;

    /// <summary>Cell temperature; fixed until a thermal model is added.</summary>
    public double AmbientTemperatureC { get; init; } = 25.0;

    internal void Validate()
    {
        if (!double.IsFinite(InitialStateOfCharge) || !double.IsFinite(AmbientTemperatureC))
        {
            throw new ArgumentException($"Cell options: the initial SOC ({InitialStateOfCharge}) and the temperature ({AmbientTemperatureC} degC) must be finite.");
        }

        if (!(SeiBudgetFraction >= 0 && SeiBudgetFraction < 1))
        {
            throw new ArgumentException($"Cell options: SeiBudgetFraction must be in [0, 1) (got {SeiBudgetFraction}).");
        }

        if (!(SeiChargeEfficiency > 0 && SeiChargeEfficiency < 1) || !(ChargeEfficiency > 0 && ChargeEfficiency <= 1))
        {
            throw new ArgumentException($"Cell options: SeiChargeEfficiency must be in (0, 1) and ChargeEfficiency in (0, 1] (got {SeiChargeEfficiency} and {ChargeEfficiency}).");
        }
    }
}
