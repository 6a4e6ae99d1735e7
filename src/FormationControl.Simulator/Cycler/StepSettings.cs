using FormationControl.Devices.Cycler;

namespace FormationControl.Simulator.Cycler;

/// <summary>
/// A step as latched from the command registers at Start. A cut-off of zero is "not set".
/// </summary>
/// <param name="Mode">Control mode.</param>
/// <param name="CurrentA">Current magnitude (the mode gives the direction); the current limit in the voltage-holding modes.</param>
/// <param name="VoltageV">Voltage setpoint of the CCCV and CV modes.</param>
/// <param name="CutoffVoltageV">End of a CC step: at or above it for charge, at or below for discharge.</param>
/// <param name="CutoffCurrentA">End of the voltage-holding phase: |I| at or below it.</param>
/// <param name="CutoffTimeS">End after this step time.</param>
/// <param name="CutoffAh">End when |step Ah| reaches it.</param>
internal readonly record struct StepSettings(
    ChannelMode Mode,
    double CurrentA,
    double VoltageV,
    double CutoffVoltageV,
    double CutoffCurrentA,
    double CutoffTimeS,
    double CutoffAh)
{
    /// <summary>Whether the mode regulates towards the voltage setpoint (CCCV charge/discharge, CV).</summary>
    public bool HoldsVoltage => Mode is ChannelMode.ChargeCccv or ChannelMode.DischargeCccv or ChannelMode.Cv;

    /// <summary>The largest current the mode may drive (positive = charge).</summary>
    public double UpperCurrentA => Mode switch
    {
        ChannelMode.ChargeCc or ChannelMode.ChargeCccv or ChannelMode.Cv => CurrentA,
        ChannelMode.DischargeCc => -CurrentA,
        _ => 0,
    };

    /// <summary>The smallest current the mode may drive.</summary>
    public double LowerCurrentA => Mode switch
    {
        ChannelMode.DischargeCc or ChannelMode.DischargeCccv or ChannelMode.Cv => -CurrentA,
        ChannelMode.ChargeCc => CurrentA,
        _ => 0,
    };
}
