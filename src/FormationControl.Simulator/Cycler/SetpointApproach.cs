namespace FormationControl.Simulator.Cycler;

/// <summary>Whether a current-limited phase is heading for the voltage setpoint, and from which side.</summary>
internal enum SetpointApproach
{
    None,

    /// <summary>Charging up to the setpoint: hold it once the terminal voltage reaches it.</summary>
    Rising,

    /// <summary>Discharging (or resting) down to the setpoint.</summary>
    Falling,
}
