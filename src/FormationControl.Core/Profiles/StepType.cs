namespace FormationControl.Core.Profiles;

/// <summary>How a step drives the channel. JSON names: rest, chargeCc, dischargeCc, chargeCccv, dischargeCccv, cv.</summary>
public enum StepType
{
    /// <summary>Open circuit, no current.</summary>
    Rest,

    /// <summary>Constant-current charge.</summary>
    ChargeCc,

    /// <summary>Constant-current discharge.</summary>
    DischargeCc,

    /// <summary>Constant-current charge up to the voltage setpoint, then constant-voltage hold there.</summary>
    ChargeCccv,

    /// <summary>Constant-current discharge down to the voltage setpoint, then constant-voltage hold there.</summary>
    DischargeCccv,

    /// <summary>Constant-voltage hold at the voltage setpoint (current flows either way, within the cell's limits).</summary>
    Cv,
}
