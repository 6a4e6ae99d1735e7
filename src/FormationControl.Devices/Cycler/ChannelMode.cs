namespace FormationControl.Devices.Cycler;

/// <summary>
/// The control mode a cycler channel runs a step in, as written to the <c>mode</c> register.
/// Current is positive into the cell (charge) everywhere in FormationControl.
/// </summary>
public enum ChannelMode : ushort
{
    /// <summary>Output off, open circuit.</summary>
    Rest = 0,

    /// <summary>Constant current into the cell until the cut-off voltage (or another cut-off).</summary>
    ChargeCc = 1,

    /// <summary>Constant current out of the cell until the cut-off voltage.</summary>
    DischargeCc = 2,

    /// <summary>Constant current charge up to the voltage setpoint, then held there until the current tapers to the cut-off current.</summary>
    ChargeCccv = 3,

    /// <summary>Constant current discharge down to the voltage setpoint, then held there until the current tapers.</summary>
    DischargeCccv = 4,

    /// <summary>Hold the voltage setpoint, current limited to the current setpoint in either direction.</summary>
    Cv = 5,

    /// <summary>Constant power into the cell (power setpoint, W) until a cut-off.</summary>
    ChargeCp = 6,

    /// <summary>Constant power out of the cell (power setpoint, W) until a cut-off.</summary>
    DischargeCp = 7,

    /// <summary>Discharge through a constant resistance (resistance setpoint, Ω): I = V / R.</summary>
    DischargeCr = 8,
}
