namespace FormationControl.Simulator.Clocks;

/// <summary>
/// Real time run faster (or slower): a clock that advances <see cref="Speed"/> seconds for every second of an inner
/// clock (the system clock by default). A simulator on it runs a day of formation in 14.4 minutes at speed 100.
/// Timers created on it fire after their due time divided by the speed, on the inner clock's timers.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly long _originTimestamp;
    private readonly DateTimeOffset _start;

    /// <summary>Creates a clock that starts at <paramref name="start"/> (the inner clock's now if null) and runs <paramref name="speed"/> times faster.</summary>
    public ScaledTimeProvider(double speed, TimeProvider? inner = null, DateTimeOffset? start = null)
    {
        if (!(speed > 0) || !double.IsFinite(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed factor must be a positive number.");
        }

        Speed = speed;
        _inner = inner ?? System;
        _originTimestamp = _inner.GetTimestamp();
        _start = start ?? _inner.GetUtcNow();
    }

    /// <summary>Seconds of this clock per second of the inner one.</summary>
    public double Speed { get; }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _start + Elapsed();

    /// <inheritdoc/>
    public override long GetTimestamp() => Elapsed().Ticks;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, ToInner(dueTime), ToInner(period)), this);

    private TimeSpan Elapsed() => TimeSpan.FromTicks((long)(_inner.GetElapsedTime(_originTimestamp).Ticks * Speed));

    private TimeSpan ToInner(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / Speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToInner(dueTime), clock.ToInner(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
