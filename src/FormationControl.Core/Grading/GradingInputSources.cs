namespace FormationControl.Core.Grading;

/// <summary>Where each input of a recipe comes from; null where the recipe does not use the input.</summary>
/// <param name="CapacityStep">Label of the discharge step whose |Ah| is the capacity.</param>
/// <param name="ChargeSteps">Labels of the charge steps whose Ah are summed for coulombic efficiency.</param>
/// <param name="EfficiencyDischargeStep">Label of the discharge step of the coulombic efficiency.</param>
/// <param name="DcirStep">Label of the pulse step whose DCIR is used.</param>
/// <param name="AcirSession">Ageing session the ACIR is taken from (null: the latest).</param>
/// <param name="OcvSession">Ageing session the OCV is taken from (null: the latest).</param>
/// <param name="OcvStep">Label of a step whose end voltage is the OCV, instead of an ageing session.</param>
/// <param name="KFirstSession">First ageing session of the K-value (null: the earliest).</param>
/// <param name="KSecondSession">Second ageing session of the K-value (null: the latest).</param>
public sealed record GradingInputSources(
    string? CapacityStep = null,
    IReadOnlyList<string>? ChargeSteps = null,
    string? EfficiencyDischargeStep = null,
    string? DcirStep = null,
    string? AcirSession = null,
    string? OcvSession = null,
    string? OcvStep = null,
    string? KFirstSession = null,
    string? KSecondSession = null)
{
    /// <summary>Which inputs the recipe declares.</summary>
    public IReadOnlySet<GradeInput> Declared { get; init; } = new HashSet<GradeInput>();

    /// <summary>OCV change per kelvin used to bring both K sessions to <see cref="KReferenceTemperatureC"/>, in V/K.</summary>
    public double KTemperatureCoefficientVPerK { get; init; }

    /// <summary>The temperature OCVs are compensated to, in °C.</summary>
    public double KReferenceTemperatureC { get; init; } = 25;
}
