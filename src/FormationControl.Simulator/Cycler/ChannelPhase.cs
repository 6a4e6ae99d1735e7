namespace FormationControl.Simulator.Cycler;

/// <summary>How the output is driven right now within a step: a fixed current, or holding the voltage setpoint.</summary>
/// <param name="HoldsVoltage">True while the voltage setpoint is held (the current follows the cell).</param>
/// <param name="CurrentA">The fixed current when not holding (0 for rest and for a zero current limit).</param>
/// <param name="Approach">Whether the fixed current is heading for the voltage setpoint.</param>
internal readonly record struct ChannelPhase(bool HoldsVoltage, double CurrentA, SetpointApproach Approach)
{
    public static ChannelPhase Hold { get; } = new(true, 0, SetpointApproach.None);

    public static ChannelPhase Fixed(double currentA, SetpointApproach approach = SetpointApproach.None) => new(false, currentA, approach);
}
