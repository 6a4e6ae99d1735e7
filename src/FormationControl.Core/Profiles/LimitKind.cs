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
}
