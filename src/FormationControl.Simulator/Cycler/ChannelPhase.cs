namespace FormationControl.Simulator.Cycler;

/// <summary>How the output is driven right now within a step.</summary>
internal enum PhaseKind
{
    /// <summary>A fixed current (rest, CC, the current-limited part of CCCV/CV).</summary>
    Fixed,

    /// <summary>Holding the voltage setpoint; the current follows the cell.</summary>
    Hold,

    /// <summary>Holding a power: a fixed current per epoch, chosen so that V·I meets the setpoint at the epoch's midpoint.</summary>
    Power,

    /// <summary>A resistive load across the cell; the current follows the cell.</summary>
    Load,
}

/// <summary>How the output is driven right now within a step.</summary>
/// <param name="Kind">Fixed current, voltage hold, power or load.</param>
/// <param name="CurrentA">The fixed current when <see cref="PhaseKind.Fixed"/> or <see cref="PhaseKind.Power"/>.</param>
/// <param name="Approach">Whether the fixed current is heading for the voltage setpoint.</param>
internal readonly record struct ChannelPhase(PhaseKind Kind, double CurrentA, SetpointApproach Approach)
{
    public static ChannelPhase Hold { get; } = new(PhaseKind.Hold, 0, SetpointApproach.None);

    public static ChannelPhase Load { get; } = new(PhaseKind.Load, 0, SetpointApproach.None);

    public bool HoldsVoltage => Kind == PhaseKind.Hold;

    /// <summary>Whether the current is fixed over a leg (the cell's path is a fixed-current one).</summary>
    public bool IsFixedCurrent => Kind is PhaseKind.Fixed or PhaseKind.Power;

    public static ChannelPhase Fixed(double currentA, SetpointApproach approach = SetpointApproach.None) => new(PhaseKind.Fixed, currentA, approach);

    public static ChannelPhase Power(double currentA) => new(PhaseKind.Power, currentA, SetpointApproach.None);
}
