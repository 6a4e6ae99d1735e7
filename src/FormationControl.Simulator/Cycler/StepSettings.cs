using FormationControl.Devices.Cycler;

namespace FormationControl.Simulator.Cycler;

/// <summary>
/// A step as latched from the command registers at Start. A cut-off of zero is "not set".
/// </summary>
/// <param name="Mode">Control mode.</param>
/// <param name="CurrentA">Current magnitude (the mode gives the direction); the current limit in the voltage-holding modes.</param>
/// <param name="VoltageV">Voltage setpoint of the CCCV and CV modes.</param>
/// <param name="CutoffVoltageV">End of a CC, CP or CR step: at or above it for charge, at or below for discharge.</param>
/// <param name="CutoffCurrentA">End of the voltage-holding phase (and of a CR step): |I| at or below it.</param>
/// <param name="CutoffTimeS">End after this step time.</param>
/// <param name="CutoffAh">End when |step Ah| reaches it.</param>
/// <param name="PowerW">Power magnitude of the CP modes.</param>
/// <param name="ResistanceOhm">Load resistance of the CR mode.</param>
internal readonly record struct StepSettings(
    ChannelMode Mode,
    double CurrentA,
    double VoltageV,
    double CutoffVoltageV,
    double CutoffCurrentA,
    double CutoffTimeS,
    double CutoffAh,
    double PowerW = 0,
    double ResistanceOhm = 0)
{
    /// <summary>Whether the mode regulates towards the voltage setpoint (CCCV charge/discharge, CV).</summary>
    public bool HoldsVoltage => Mode is ChannelMode.ChargeCccv or ChannelMode.DischargeCccv or ChannelMode.Cv;

    /// <summary>Whether the mode holds a power (CP charge or discharge).</summary>
    public bool HoldsPower => Mode is ChannelMode.ChargeCp or ChannelMode.DischargeCp;

    /// <summary>Whether the mode connects a resistive load (CR discharge).</summary>
    public bool IsLoad => Mode == ChannelMode.DischargeCr;

    /// <summary>Whether the step ends on <see cref="CutoffVoltageV"/>, and from which side (true: at or above).</summary>
    public bool HasVoltageCutoff => CutoffVoltageV > 0 && Mode is ChannelMode.ChargeCc or ChannelMode.DischargeCc
        or ChannelMode.ChargeCp or ChannelMode.DischargeCp or ChannelMode.DischargeCr;

    /// <summary>Whether the voltage cut-off is reached from below (charging modes).</summary>
    public bool VoltageCutoffRising => Mode is ChannelMode.ChargeCc or ChannelMode.ChargeCp;

    /// <summary>The power with its sign: positive into the cell.</summary>
    public double SignedPowerW => Mode == ChannelMode.ChargeCp ? PowerW : -PowerW;

    /// <summary>Whether the output carries current in this mode (a rest step does not).</summary>
    public bool DrivesOutput => Mode != ChannelMode.Rest;

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
