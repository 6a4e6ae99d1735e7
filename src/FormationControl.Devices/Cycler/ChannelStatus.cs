namespace FormationControl.Devices.Cycler;

/// <summary>
/// One channel's status as read from the device in one poll. Current is positive into the cell.
/// The end values are what the device latched at the instant its last step ended; <c>null</c> when the
/// register map has no such fields.
/// </summary>
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
    bool ContactOk,
    double? EndVoltageV = null,
    double? EndCurrentA = null,
    double? EndTemperatureC = null);
