namespace FormationControl.Core.Profiles;

/// <summary>
/// Schedule-level limits: a sample outside them latches a fault, whatever step is running.
/// Steps are checked at load time so that no setpoint or limit sits on or beyond them.
/// </summary>
/// <param name="MinVoltageV">Fault below this voltage.</param>
/// <param name="MaxVoltageV">Fault above this voltage.</param>
/// <param name="MaxCurrentA">Fault above this current magnitude.</param>
/// <param name="MaxTemperatureC">Fault above this temperature, °C.</param>
/// <param name="MaxStepDuration">Fault when one step runs longer; null for no limit.</param>
/// <param name="MaxTotalDuration">Fault when the whole profile runs longer; null for no limit.</param>
/// <param name="ResumeAfterCommLoss">
/// <c>"onCommLoss": "resume"</c>: a step the unit's watchdog stopped while the controller could not reach it (a
/// communication loss, or a controller restart) goes on with what is left of its limits once the unit answers.
/// False (<c>"fault"</c>, the default): such a step faults the run, for a person to decide.
/// </param>
public sealed record SafetyLimits(
    double MinVoltageV,
    double MaxVoltageV,
    double MaxCurrentA,
    double MaxTemperatureC,
    TimeSpan? MaxStepDuration,
    TimeSpan? MaxTotalDuration,
    bool ResumeAfterCommLoss = false);
