namespace FormationControl.Simulator.Cells;

/// <summary>
/// Cell behaviour that is not a per-cell ground-truth parameter: the starting point, the first-charge (SEI
/// formation) loss, how resistance follows temperature and SOC, and the lumped thermal model. Defaults describe a
/// freshly assembled NMC cell (domain primer §1 and §5).
/// </summary>
public sealed record CellOptions
{
    /// <summary>Shared default options.</summary>
    public static CellOptions Default { get; } = new();

    /// <summary>
    /// Options with resistances independent of temperature and SOC (Ea = 0, no SOC factor): the equivalent circuit
    /// is then linear with constant coefficients, which is what closed-form checks compare against.
    /// </summary>
    public static CellOptions ConstantResistance { get; } = new() { ActivationEnergyJPerMol = 0, ResistanceFactorAtSocExtremes = 1 };

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

    /// <summary>The cell's starting temperature, and the ambient it exchanges heat with unless its unit sets another.</summary>
    public double AmbientTemperatureC { get; init; } = 25.0;

    /// <summary>Temperature at which the truth's resistances and time constants hold.</summary>
    public double ReferenceTemperatureC { get; init; } = 25.0;

    /// <summary>
    /// Activation energy of the Arrhenius law R(T) = R_ref·exp[(Ea/R_gas)(1/T − 1/T_ref)] followed by R0, R1 and R2
    /// (and so by τ1, τ2 at fixed capacitance). 20 kJ/mol makes R about 1.8× larger at 0 °C than at 20 °C (primer §5).
    /// </summary>
    public double ActivationEnergyJPerMol { get; init; } = 20_000;

    /// <summary>Resistance factor at SOC 0 and 1 relative to mid SOC (primer §5: about 1.3).</summary>
    public double ResistanceFactorAtSocExtremes { get; init; } = 1.3;

    /// <summary>Width of the SOC band at each end in which resistance rises (quadratically) towards the extreme factor.</summary>
    public double ResistanceSocKnee { get; init; } = 0.2;

    /// <summary>Heat capacity per Ah of capacity (primer §5: about 1000 J/K for a 100 Ah cell).</summary>
    public double HeatCapacityJPerKPerAh { get; init; } = 10;

    /// <summary>Heat transfer to the ambient per Ah of capacity (primer §5: about 10 W/K for a 100 Ah cell).</summary>
    public double HeatTransferWPerKPerAh { get; init; } = 0.1;

    internal void Validate()
    {
        if (!double.IsFinite(InitialStateOfCharge) || !double.IsFinite(AmbientTemperatureC) || !double.IsFinite(ReferenceTemperatureC)
            || AmbientTemperatureC <= -273.15 || ReferenceTemperatureC <= -273.15)
        {
            throw new ArgumentException($"Cell options: the initial SOC ({InitialStateOfCharge}) and the temperatures ({AmbientTemperatureC}, {ReferenceTemperatureC} degC) must be finite and above absolute zero.");
        }

        if (!(SeiBudgetFraction >= 0 && SeiBudgetFraction < 1))
        {
            throw new ArgumentException($"Cell options: SeiBudgetFraction must be in [0, 1) (got {SeiBudgetFraction}).");
        }

        if (!(SeiChargeEfficiency > 0 && SeiChargeEfficiency < 1) || !(ChargeEfficiency > 0 && ChargeEfficiency <= 1))
        {
            throw new ArgumentException($"Cell options: SeiChargeEfficiency must be in (0, 1) and ChargeEfficiency in (0, 1] (got {SeiChargeEfficiency} and {ChargeEfficiency}).");
        }

        if (!(ActivationEnergyJPerMol >= 0 && ActivationEnergyJPerMol < 1e6) || !(ResistanceFactorAtSocExtremes >= 1 && ResistanceFactorAtSocExtremes < 100)
            || !(ResistanceSocKnee > 0 && ResistanceSocKnee <= 0.5))
        {
            throw new ArgumentException($"Cell options: ActivationEnergyJPerMol must be in [0, 1e6), ResistanceFactorAtSocExtremes in [1, 100) and ResistanceSocKnee in (0, 0.5] (got {ActivationEnergyJPerMol}, {ResistanceFactorAtSocExtremes}, {ResistanceSocKnee}).");
        }

        if (!(HeatCapacityJPerKPerAh > 0) || !(HeatTransferWPerKPerAh >= 0) || !double.IsFinite(HeatCapacityJPerKPerAh) || !double.IsFinite(HeatTransferWPerKPerAh))
        {
            throw new ArgumentException($"Cell options: HeatCapacityJPerKPerAh must be positive and HeatTransferWPerKPerAh zero or positive, both finite (got {HeatCapacityJPerKPerAh}, {HeatTransferWPerKPerAh}).");
        }
    }
}
