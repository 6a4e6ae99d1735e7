namespace FormationControl.Storage;

/// <summary>
/// The resolution samples are stored with. A stored value differs from the appended one by at most
/// half of its resolution; the resolutions are finer than what formation hardware measures
/// (about ±1 mV and ±0.05 % of the current setpoint).
/// </summary>
public static class SampleResolution
{
    /// <summary>Sample time: 1 ms (stored in UTC).</summary>
    public const double TimeS = 1e-3;

    /// <summary>Step time: 1 ms.</summary>
    public const double StepTimeS = 1e-3;

    /// <summary>Voltage: 0.1 mV.</summary>
    public const double VoltageV = 1e-4;

    /// <summary>Current: 0.1 mA.</summary>
    public const double CurrentA = 1e-4;

    /// <summary>Temperature: 0.1 °C.</summary>
    public const double TemperatureC = 0.1;

    /// <summary>Step charge: 10 µAh.</summary>
    public const double StepAh = 1e-5;

    /// <summary>Step energy: 100 µWh.</summary>
    public const double StepWh = 1e-4;

    /// <summary>
    /// Largest storable magnitude of any value expressed in its resolution (e.g. 10^11 V). It keeps
    /// every difference the encoder computes far from the range of a 64-bit integer.
    /// </summary>
    public const double MaxSteps = 1e15;
}
