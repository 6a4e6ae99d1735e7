using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Meter;

/// <summary>What a multiplexer channel of the meter is wired to: a channel of a simulated unit.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Channel">The unit's channel (0-based).</param>
public readonly record struct MeterChannel(SimulatedCyclerUnit Unit, int Channel);
