namespace FormationControl.Simulator.Faults;

/// <summary>When a fault is active, in simulation time since the fault plan began: from <see cref="Start"/> for <see cref="Duration"/> (for ever if null).</summary>
public sealed record FaultWindow(TimeSpan Start, TimeSpan? Duration = null)
{
    /// <summary>Active from the start, for ever.</summary>
    public static FaultWindow Always { get; } = new(TimeSpan.Zero);

    public bool Contains(TimeSpan elapsed) => elapsed >= Start && (Duration is not { } d || elapsed < Start + d);
}
