namespace FormationControl.Simulator.Cycler;

/// <summary>
/// What ends one closed-form leg of a channel's evolution. Larger values win when two happen at the same
/// instant: a protection beats a step cut-off, which beats a phase change, which beats a change of regime.
/// </summary>
internal enum LegEvent
{
    /// <summary>The leg reached the time asked for (or its epoch's end).</summary>
    None = 0,

    /// <summary>SOC rose past the top of its OCV piece; the path is re-planned on the next piece.</summary>
    SegmentExitUp,

    /// <summary>SOC fell past the bottom of its OCV piece.</summary>
    SegmentExitDown,

    /// <summary>The SEI budget ran out; the charge efficiency changes.</summary>
    SeiExhausted,

    /// <summary>The held current changed sign; the efficiency changes.</summary>
    CurrentReversal,

    /// <summary>The current-limited approach reached the voltage setpoint; the channel starts holding it.</summary>
    EnterHold,

    /// <summary>Holding the voltage would need more than the upper current limit.</summary>
    ClampHigh,

    /// <summary>Holding the voltage would need less than the lower current limit.</summary>
    ClampLow,

    Time,
    Capacity,
    Voltage,
    Current,
    OverVoltage,
    UnderVoltage,
    OverCurrent,
    OverTemperature,
}
