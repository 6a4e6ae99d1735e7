namespace FormationControl.Core.Grading;

/// <summary>A measured quantity a grading recipe can decide on.</summary>
public enum GradeInput
{
    /// <summary>Discharge capacity of a named step, in Ah.</summary>
    Capacity,

    /// <summary>Discharge Ah of one step over the charge Ah of named steps, in percent.</summary>
    CoulombicEfficiency,

    /// <summary>DC internal resistance of a named pulse step, in Ω.</summary>
    Dcir,

    /// <summary>1 kHz AC internal resistance from an ageing session, in Ω.</summary>
    Acir,

    /// <summary>Self-discharge between two ageing sessions, in mV/day (positive when the voltage falls).</summary>
    KValue,

    /// <summary>Open-circuit voltage from an ageing session or an OCV step, in V.</summary>
    Ocv,
}
