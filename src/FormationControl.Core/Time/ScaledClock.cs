namespace FormationControl.Core.Time;

/// <summary>
/// A clock running <see cref="Factor"/> times faster than another one (from the moment it is created): lets a
/// simulator live hours of cell time while a controller polls it in real time. Wall time, timestamps and timers
/// are all scaled, so a timer of 10 s fires after 10 s / Factor of the inner clock.
/// </summary>
public sealed class ScaledClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _startUtc;
    private readonly long _startTimestamp;

    /// <param name="inner">The clock that is sped up (e.g. <see cref="TimeProvider.System"/>).</param>
    /// <param name="factor">How many times faster; greater than zero.</param>
    public ScaledClock(TimeProvider inner, double factor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be a finite number greater than zero.");
        }

        _inner = inner;
        Factor = factor;
        _startUtc = inner.GetUtcNow();
        _startTimestamp = inner.GetTimestamp();
    }

    /// <summary>How many times faster than the inner clock this clock runs.</summary>
    public double Factor { get; }

    public override DateTimeOffset GetUtcNow() => _startUtc + ((_inner.GetUtcNow() - _startUtc) * Factor);

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _startTimestamp + (long)((_inner.GetTimestamp() - _startTimestamp) * Factor);

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span == TimeSpan.Zero ? span : span / Factor;

    /// <summary>A timer of the inner clock whose changes are scaled too.</summary>
    private sealed class ScaledTimer(ITimer inner, ScaledClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Shrink(dueTime), clock.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
