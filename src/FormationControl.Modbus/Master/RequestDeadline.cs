namespace FormationControl.Modbus.Master;

/// <summary>
/// A per-request deadline measured on a <see cref="TimeProvider"/>: one timer and one reusable
/// <see cref="CancellationTokenSource"/> per connection, so a request answered in time allocates nothing.
/// The timer is moved only when a request needs it earlier than it is set: answered requests leave it running,
/// and when it fires with a request still in flight whose deadline is later, it is set again for that one.
/// So back-to-back requests cost a clock read each, not two timer changes. Used by one request at a time.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private CancellationTokenSource _source = new();
    private CancellationTokenRegistration _callerRegistration;
    private long _deadline;
    private long _timerDue = long.MaxValue;
    private bool _armed;

    public RequestDeadline(TimeProvider timeProvider)
    {
        _time = timeProvider;
        _timer = timeProvider.CreateTimer(
            static state => ((RequestDeadline)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether the running (or last) request ran out of time, as opposed to being cancelled by its caller.</summary>
    public bool Expired { get; private set; }

    /// <summary>Starts the clock; the token is cancelled when <paramref name="timeout"/> elapses or <paramref name="callerToken"/> is cancelled.</summary>
    public CancellationToken Start(TimeSpan timeout, CancellationToken callerToken)
    {
        // Rounded down, so the timer (set to the full timeout) never fires before the deadline it checks.
        long deadline = _time.GetTimestamp() + (long)((Int128)timeout.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond);
        lock (_gate)
        {
            _armed = true;
            Expired = false;
            _deadline = deadline;
            if (_timerDue > deadline)
            {
                _timerDue = deadline;
                _timer.Change(timeout, Timeout.InfiniteTimeSpan);
            }
        }

        if (callerToken.CanBeCanceled)
        {
            _callerRegistration = callerToken.UnsafeRegister(static state => ((RequestDeadline)state!).Cancel(expired: false), this);
        }

        return _source.Token;
    }

    /// <summary>Stops the clock for this request and readies the token source for the next one.</summary>
    public void Stop()
    {
        _callerRegistration.Dispose();
        _callerRegistration = default;
        lock (_gate)
        {
            _armed = false;
        }

        // A source that was cancelled cannot be reset; only then is a new one allocated.
        if (!_source.TryReset())
        {
            _source.Dispose();
            _source = new CancellationTokenSource();
        }
    }

    /// <summary>Stops the clock if a request is timed, after a failure that may have come before or after the start.</summary>
    public void StopIfRunning()
    {
        bool armed;
        lock (_gate)
        {
            armed = _armed || _source.IsCancellationRequested;
        }

        if (armed)
        {
            Stop();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _callerRegistration.Dispose();
        _source.Dispose();
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerDue = long.MaxValue;
            if (!_armed)
            {
                return; // idle: the next Start sets the timer again
            }

            long now = _time.GetTimestamp();
            if (now >= _deadline)
            {
                _armed = false;
                Expired = true;
                _source.Cancel();
                return;
            }

            // Fired for an earlier request; the one in flight now ends later.
            _timerDue = _deadline;
            _timer.Change(_time.GetElapsedTime(now, _deadline), Timeout.InfiniteTimeSpan);
        }
    }

    private void Cancel(bool expired)
    {
        lock (_gate)
        {
            if (!_armed)
            {
                return;
            }

            _armed = false;
            Expired = expired;
            _source.Cancel();
        }
    }
}
