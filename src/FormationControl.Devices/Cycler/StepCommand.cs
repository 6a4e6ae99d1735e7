namespace FormationControl.Devices.Cycler;

/// <summary>
/// A step as the device executes it: a control mode with its setpoints and the cut-offs the hardware
/// enforces itself. A cut-off left <c>null</c> is not set on the device.
/// </summary>
public sealed record StepCommand(
    ChannelMode Mode,
    double CurrentA = 0,
    double VoltageV = 0,
    double? CutoffVoltageV = null,
    double? CutoffCurrentA = null,
    TimeSpan? CutoffTime = null,
    double? CutoffAh = null,
    double PowerW = 0,
    double ResistanceOhm = 0);
