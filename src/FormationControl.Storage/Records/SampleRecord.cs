namespace FormationControl.Storage;

/// <summary>
/// One logged measurement of a running channel. Stored quantised (see <see cref="SampleResolution"/>):
/// what comes back from the store equals what went in to within those resolutions, and
/// <see cref="Time"/> comes back in UTC.
/// </summary>
/// <param name="RunId">The run the sample belongs to.</param>
/// <param name="StepIndex">Index of the profile step that was executing.</param>
/// <param name="Time">When the sample was taken.</param>
/// <param name="StepTimeS">Time since the step started, in seconds.</param>
/// <param name="VoltageV">Cell voltage in volts.</param>
/// <param name="CurrentA">Current in amperes (sign as reported by the device).</param>
/// <param name="TemperatureC">Cell temperature in degrees Celsius.</param>
/// <param name="StepAh">Charge moved since the step started, in ampere-hours.</param>
/// <param name="StepWh">Energy moved since the step started, in watt-hours.</param>
public readonly record struct SampleRecord(
    long RunId,
    int StepIndex,
    DateTimeOffset Time,
    double StepTimeS,
    double VoltageV,
    double CurrentA,
    double TemperatureC,
    double StepAh,
    double StepWh);
