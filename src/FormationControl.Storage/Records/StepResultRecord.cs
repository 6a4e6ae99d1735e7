namespace FormationControl.Storage;

/// <summary>The outcome of one executed profile step: few, precious, and the basis of grading.</summary>
/// <param name="RunId">The run the step belongs to.</param>
/// <param name="StepIndex">Index of the step in the profile (a loop executes an index more than once).</param>
/// <param name="Label">The step's label in the profile, if any.</param>
/// <param name="StepType">Kind of step (e.g. Rest, CcCharge, CvHold).</param>
/// <param name="StartedAt">When the step started.</param>
/// <param name="EndedAt">When the step ended.</param>
/// <param name="DurationS">Step duration in seconds as measured by the device.</param>
/// <param name="Ah">Charge moved during the step, in ampere-hours.</param>
/// <param name="Wh">Energy moved during the step, in watt-hours.</param>
/// <param name="EndVoltageV">Voltage at the end of the step, in volts.</param>
/// <param name="EndCurrentA">Current at the end of the step, in amperes.</param>
/// <param name="EndTemperatureC">Temperature at the end of the step, in degrees Celsius.</param>
/// <param name="EndReason">Why the step ended (the limit that fired, a fault, an operator command).</param>
public sealed record StepResultRecord(
    long RunId,
    int StepIndex,
    string? Label,
    string StepType,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    double DurationS,
    double Ah,
    double Wh,
    double EndVoltageV,
    double EndCurrentA,
    double EndTemperatureC,
    string EndReason)
{
    /// <summary>DC internal resistance from a pulse step (ΔV/ΔI at the end of the first current pulse), in Ω.</summary>
    public double? DcirOhm { get; init; }

    /// <summary>Of a CCCV step: the constant-current part's duration in seconds (the rest is the CV part).</summary>
    public double? CcDurationS { get; init; }

    /// <summary>Of a CCCV step: the charge moved in its constant-current part, in ampere-hours (signed like <see cref="Ah"/>).</summary>
    public double? CcAh { get; init; }

    /// <summary>Of a CCCV step: the constant-voltage part's duration in seconds.</summary>
    public double? CvDurationS { get; init; }

    /// <summary>Of a CCCV step: the charge moved in its constant-voltage part, in ampere-hours.</summary>
    public double? CvAh { get; init; }
}
