namespace FormationControl.Core.Profiles;

/// <summary>
/// How a step drives the channel. JSON names: rest, chargeCc, dischargeCc, chargeCccv, dischargeCccv, cv, chargeCp,
/// dischargeCp, dischargeCr, pulse, ocv, loop, label, end (and loopEnd, which the loader adds, never a file).
/// <see cref="Loop"/>, <see cref="LoopEnd"/>, <see cref="Label"/> and <see cref="End"/> are control steps: they never
/// reach a channel, the <see cref="Sequencing.StepSequencer"/> passes through them.
/// </summary>
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

    /// <summary>Constant-power charge at <see cref="ProfileStep.PowerW"/>.</summary>
    ChargeCp,

    /// <summary>Constant-power discharge at <see cref="ProfileStep.PowerW"/>.</summary>
    DischargeCp,

    /// <summary>Constant-resistance discharge: the channel draws V / <see cref="ProfileStep.ResistanceOhm"/>.</summary>
    DischargeCr,

    /// <summary>Runs <see cref="ProfileStep.PulseLevels"/> once, in order (DCIR, HPPC); ends by itself after the last level.</summary>
    Pulse,

    /// <summary>Open circuit like <see cref="Rest"/>; when a limit ends it, the voltage is recorded as the cell's OCV.</summary>
    Ocv,

    /// <summary>Control: start of a repeated block; <see cref="ProfileStep.Loop"/> says how often and where it ends.</summary>
    Loop,

    /// <summary>Control: end of the block started at <see cref="LoopSpec.StartIndex"/>; repeat or leave.</summary>
    LoopEnd,

    /// <summary>Control: a named place to go to; does nothing.</summary>
    Label,

    /// <summary>Control: the profile ends here (normally).</summary>
    End,
}
