namespace FormationControl.Simulator.Cycler;

/// <summary>
/// The heartbeat supervision of a unit, in device ticks. Expires when the period is set and no heartbeat
/// was written for longer than the period; stays tripped until the next heartbeat.
/// </summary>
internal sealed class UnitWatchdog(long startTicks)
{
    private long _periodTicks;
    private long _lastFeedTicks = startTicks;

    public bool IsTripped { get; private set; }

    /// <summary>A new period restarts the supervision from now, so enabling it does not trip at once.</summary>
    public void Configure(long periodTicks, long nowTicks)
    {
        _periodTicks = periodTicks;
        _lastFeedTicks = nowTicks;
        IsTripped = false;
    }

    public void Feed(long nowTicks)
    {
        _lastFeedTicks = nowTicks;
        IsTripped = false;
    }

    /// <summary>True once, when the watchdog has expired by <paramref name="nowTicks"/>; gives the instant it expired.</summary>
    public bool TryExpire(long nowTicks, out long expiredAtTicks)
    {
        expiredAtTicks = _lastFeedTicks + _periodTicks;
        if (_periodTicks <= 0 || IsTripped || nowTicks <= expiredAtTicks)
        {
            return false;
        }

        IsTripped = true;
        return true;
    }
}
