using FormationControl.Devices.Cycler;

namespace FormationControl.Simulator.Cycler;

/// <summary>
/// The exact internal state of a simulated channel and its cell at one instant, unquantised and without noise: what
/// tests and tools compare the registers (and a controller's results) against.
/// </summary>
/// <param name="Channel">0-based channel index.</param>
/// <param name="TimeS">Device time of the snapshot, seconds since the unit was created.</param>
/// <param name="State">Channel state.</param>
/// <param name="ActiveMode">Mode of the running or last step.</param>
/// <param name="EndReason">Why the last step ended.</param>
/// <param name="FaultCode">Latched protection, if any.</param>
/// <param name="StepSequence">Steps started so far (wraps at 65536).</param>
/// <param name="VoltageV">Terminal voltage as the channel sees it (0 for an open cell).</param>
/// <param name="CurrentA">Output current, positive into the cell.</param>
/// <param name="TemperatureC">Cell temperature.</param>
/// <param name="StepTimeS">Step time (frozen once the step ended).</param>
/// <param name="StepAh">Step charge, positive for charge.</param>
/// <param name="StepWh">Step energy, positive for charge.</param>
/// <param name="EndVoltageV">Terminal voltage under load at the instant the last step ended (NaN before any).</param>
/// <param name="StateOfCharge">Cell SOC (may lie slightly outside 0..1).</param>
/// <param name="V1V">Voltage across the fast RC pair.</param>
/// <param name="OpenCircuitVoltageV">OCV at the present SOC.</param>
/// <param name="SeiBudgetRemainingAh">First-charge loss still to come.</param>
/// <param name="HoldingVoltage">Whether a running step is in its constant-voltage phase.</param>
/// <param name="V2V">Voltage across the slow RC pair.</param>
/// <param name="R0Ohm">The cell's series resistance now (at its temperature and SOC): what a 1 kHz ACIR meter reads.</param>
/// <param name="JouleHeatJ">Heat generated inside the cell since it was made.</param>
/// <param name="AmbientTemperatureC">The ambient the cell exchanges heat with.</param>
/// <param name="ExternalHeatW">Heat put into the cell from outside now (an injected fault).</param>
/// <param name="ContactOk">Whether the channel's contact check passes.</param>
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
    bool HoldingVoltage,
    double V2V = 0,
    double R0Ohm = 0,
    double JouleHeatJ = 0,
    double AmbientTemperatureC = 0,
    double ExternalHeatW = 0,
    bool ContactOk = true)
{
    /// <summary>The cell's open-circuit terminal voltage now: OCV plus the RC voltages (what a meter reads at zero current).</summary>
    public double RelaxingVoltageV => OpenCircuitVoltageV + V1V + V2V;
}
