using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Faults;

/// <summary>
/// The faults of a simulation run, scriptable from tests (<see cref="Add"/>) and from the command line
/// (<see cref="FaultSpec"/>). Times are simulation time since the plan was made, on the simulation's clock (make it
/// together with the units). Link faults are looked up by the transports at every response; cell faults (trips,
/// heat) are handed to their unit at once, which carries them out at the exact simulation time, however the clock is
/// read. Thread-safe; random choices (which response to drop or corrupt) come from a seeded generator.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<SimulatorFault> _faults = [];
    private readonly TimeProvider _clock;
    private readonly long _origin;
    private readonly Random _random;
    private readonly Dictionary<byte, SimulatedCyclerUnit> _units = [];

    /// <summary>Creates a plan on the simulation's clock.</summary>
    /// <param name="clock">The clock the units run on.</param>
    /// <param name="units">The units cell faults apply to.</param>
    /// <param name="seed">Seed for the random choices.</param>
    public FaultPlan(TimeProvider clock, IEnumerable<SimulatedCyclerUnit>? units = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _origin = clock.GetUtcNow().UtcTicks;
        _random = new Random(seed);
        foreach (var unit in units ?? [])
        {
            _units[unit.UnitId] = unit;
        }
    }

    /// <summary>Simulation time since the plan was made.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(_clock.GetUtcNow().UtcTicks - _origin);

    /// <summary>The faults added so far.</summary>
    public IReadOnlyList<SimulatorFault> Faults
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Whether any fault needs a transport in the middle (delays, corruption, dropped responses or links over TCP).</summary>
    public bool HasLinkFaults => Faults.Any(f => f is DropResponses or DelayResponses or LinkDown or CorruptResponses);

    /// <summary>Adds a fault; a cell fault is scheduled in its unit now.</summary>
    /// <exception cref="ArgumentException">The fault names a unit or channel the plan does not have, or a value out of range.</exception>
    public void Add(SimulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Check(fault);
        switch (fault)
        {
            case TripProtection trip:
                Unit(trip.UnitId).TripProtection(trip.Channel, trip.Fault, DeviceTimeOf(Unit(trip.UnitId), trip.At));
                break;
            case HeatCell heat:
                Unit(heat.UnitId).InjectHeat(heat.Channel, heat.PowerW, heat.Duration, DeviceTimeOf(Unit(heat.UnitId), heat.At));
                break;
        }

        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Adds every fault of a list, in order.</summary>
    public void AddRange(IEnumerable<SimulatorFault> faults)
    {
        foreach (var fault in faults)
        {
            Add(fault);
        }
    }

    /// <summary>Whether the link is down now.</summary>
    public bool IsLinkDown()
    {
        var now = Elapsed;
        lock (_gate)
        {
            return _faults.Exists(f => f is LinkDown d && d.Window.Contains(now));
        }
    }

    /// <summary>Whether to lose the response to this unit now (drawn afresh for every response).</summary>
    public bool ShouldDrop(byte unitId)
    {
        var now = Elapsed;
        lock (_gate)
        {
            foreach (var f in _faults)
            {
                if (f is DropResponses d && d.Window.Contains(now) && (d.UnitId is null || d.UnitId == unitId) && _random.NextDouble() < d.Probability)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>How long to hold back the response to this unit now (the longest active delay).</summary>
    public TimeSpan DelayFor(byte unitId)
    {
        var now = Elapsed;
        var delay = TimeSpan.Zero;
        lock (_gate)
        {
            foreach (var f in _faults)
            {
                if (f is DelayResponses d && d.Window.Contains(now) && (d.UnitId is null || d.UnitId == unitId) && d.Delay > delay)
                {
                    delay = d.Delay;
                }
            }
        }

        return delay;
    }

    /// <summary>Which byte of a frame of <paramref name="length"/> bytes to damage, and the bit mask, if this response is to be corrupted.</summary>
    public bool TryCorrupt(int firstByte, int length, out int index, out byte mask)
    {
        var now = Elapsed;
        index = 0;
        mask = 0;
        lock (_gate)
        {
            foreach (var f in _faults)
            {
                if (f is CorruptResponses c && c.Window.Contains(now) && _random.NextDouble() < c.Probability)
                {
                    index = _random.Next(firstByte, length);
                    mask = (byte)(1 << _random.Next(8));
                    return true;
                }
            }
        }

        return false;
    }

    private static void Check(SimulatorFault fault)
    {
        switch (fault)
        {
            case DropResponses d when !(d.Probability is >= 0 and <= 1):
                throw new ArgumentException($"Fault {fault}: the probability must be from 0 to 1.", nameof(fault));
            case CorruptResponses c when !(c.Probability is >= 0 and <= 1):
                throw new ArgumentException($"Fault {fault}: the probability must be from 0 to 1.", nameof(fault));
            case DelayResponses d when d.Delay < TimeSpan.Zero:
                throw new ArgumentException($"Fault {fault}: the delay must not be negative.", nameof(fault));
        }
    }

    private SimulatedCyclerUnit Unit(byte unitId) =>
        _units.TryGetValue(unitId, out var unit)
            ? unit
            : throw new ArgumentException($"Fault names unit {unitId}, which this simulation does not have (units: {string.Join(", ", _units.Keys.Order())}).");

    // The plan and the units share the clock, but may have been made at slightly different instants.
    private TimeSpan DeviceTimeOf(SimulatedCyclerUnit unit, TimeSpan at) => unit.DeviceTime + (at - Elapsed);
}
