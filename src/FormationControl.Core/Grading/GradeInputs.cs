namespace FormationControl.Core.Grading;

/// <summary>What was measured of one cell, each null when not measured.</summary>
/// <param name="CapacityAh">Discharge capacity of the recipe's capacity step.</param>
/// <param name="CoulombicEfficiencyPercent">Discharge Ah over charge Ah, in percent.</param>
/// <param name="DcirOhm">DC internal resistance of the recipe's pulse step.</param>
/// <param name="AcirOhm">1 kHz AC resistance.</param>
/// <param name="KMvPerDay">Self-discharge, positive when the voltage falls.</param>
/// <param name="OcvV">Open-circuit voltage.</param>
public sealed record GradeInputs(
    double? CapacityAh = null,
    double? CoulombicEfficiencyPercent = null,
    double? DcirOhm = null,
    double? AcirOhm = null,
    double? KMvPerDay = null,
    double? OcvV = null)
{
    /// <summary>Nothing measured.</summary>
    public static GradeInputs None { get; } = new();

    /// <summary>The value of <paramref name="input"/>, null when not measured.</summary>
    public double? Get(GradeInput input) => input switch
    {
        GradeInput.Capacity => CapacityAh,
        GradeInput.CoulombicEfficiency => CoulombicEfficiencyPercent,
        GradeInput.Dcir => DcirOhm,
        GradeInput.Acir => AcirOhm,
        GradeInput.KValue => KMvPerDay,
        GradeInput.Ocv => OcvV,
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
    };
}
