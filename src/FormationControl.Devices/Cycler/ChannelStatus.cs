namespace FormationControl.Devices.Cycler;

/// <summary>One channel's status as read from the device in one poll. Current is positive into the cell.</summary>
public readonly record struct ChannelStatus(
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
    bool ContactOk);
