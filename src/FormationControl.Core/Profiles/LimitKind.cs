namespace FormationControl.Core.Profiles;

/// <summary>What a <see cref="StepLimit"/> watches; <see cref="StepLimit.Value"/> is in the unit named here.</summary>
public enum LimitKind
{
    /// <summary>Voltage ≥ value (V).</summary>
    VoltageAtLeast,

    /// <summary>Voltage ≤ value (V).</summary>
    VoltageAtMost,

    /// <summary>|current| ≤ value (A), the taper end of a CV phase.</summary>
    CurrentAtMost,

    /// <summary>Step time ≥ value (s).</summary>
    Duration,

    /// <summary>Charge moved in this step ≥ value (Ah).</summary>
    StepCapacityAh,

    /// <summary>Energy moved in this step ≥ value (Wh).</summary>
    StepEnergyWh,

    /// <summary>|dV/dt| ≤ value (V/s): the voltage has settled (end of a relaxation).</summary>
    VoltageRateAtMost,

    /// <summary>|dV/dt| ≥ value (V/s): the voltage runs away (the knee at the end of a charge or discharge).</summary>
    VoltageRateAtLeast,

    /// <summary>Cell temperature ≥ value (°C).</summary>
    TemperatureAtLeast,

    /// <summary>Cell temperature ≤ value (°C), e.g. rest until cooled down.</summary>
    TemperatureAtMost,
}
