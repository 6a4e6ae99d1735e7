using FormationControl.Devices.Cycler;

namespace FormationControl.Simulator.Tests.Support;

/// <summary>A channel's input registers as a master decodes them.</summary>
internal sealed record ChannelReading(
    ChannelDeviceState State,
    ushort StepSequence,
    ChannelMode ActiveMode,
    DeviceEndReason EndReason,
    DeviceFaultCode FaultCode,
    double VoltageV,
    double CurrentA,
    double TemperatureC,
    double StepTimeS,
    double StepAh,
    double StepWh,
    int Contact);
