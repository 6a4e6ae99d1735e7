using FormationControl.Devices.Cycler;

namespace FormationControl.Simulator.Cycler;

/// <summary>
/// The exact internal state of a simulated channel and its cell at one instant, unquantised: what tests and
/// tools compare the registers (and a controller's results) against.
/// </summary>
/// <param name="Channel">0-based channel index.</param>
/// <param name="TimeS">Device time of the snapshot, seconds since the unit was created.</param>
/// <param name="State">Channel state.</param>
/// <param name="ActiveMode">Mode of the running or last step.</param>
/// <param name="EndReason">Why the last step ended.</param>
/// <param name="FaultCode">Latched protection, if any.</param>
/// <param name="StepSequence">Steps started so far (wraps at 65536).</param>
/// <param name="VoltageV">Terminal voltage.</param>
/// <param name="CurrentA">Output current, positive into the cell.</param>
/// <param name="TemperatureC">Cell temperature.</param>
/// <param name="StepTimeS">Step time (frozen once the step ended).</param>
/// <param name="StepAh">Step charge, positive for charge.</param>
/// <param name="StepWh">Step energy, positive for charge.</param>
/// <param name="EndVoltageV">Terminal voltage under load at the instant the last step ended (NaN before any).</param>
/// <param name="StateOfCharge">Cell SOC (may lie slightly outside 0..1).</param>
/// <param name="V1V">Voltage across the RC pair.</param>
/// <param name="OpenCircuitVoltageV">OCV at the present SOC.</param>
/// <param name="SeiBudgetRemainingAh">First-charge loss still to come.</param>
/// <param name="HoldingVoltage">Whether a running step is in its constant-voltage phase.</param>
public readonly record struct ChannelSnapshot(
    int Channel,
    double TimeS,
    ChannelDeviceState State,
    ChannelMode ActiveMode,
    DeviceEndReason EndReason,
    DeviceFaultCode FaultCode,
    ushort StepSequence,
    double VoltageV,
    double CurrentA,
    double TemperatureC,
    double StepTimeS,
    double StepAh,
    double StepWh,
    double EndVoltageV,
    double StateOfCharge,
    double V1V,
    double OpenCircuitVoltageV,
    double SeiBudgetRemainingAh,
    bool HoldingVoltage);
