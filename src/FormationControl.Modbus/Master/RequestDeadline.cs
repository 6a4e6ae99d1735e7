namespace FormationControl.Modbus.Master;

/// <summary>
/// A per-request deadline measured on a <see cref="TimeProvider"/>: one timer and one reusable
/// <see cref="CancellationTokenSource"/> per connection, so a request that is answered in time allocates nothing.
/// Used by one request at a time.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private CancellationTokenSource _source = new();
    private CancellationTokenRegistration _callerRegistration;
    private bool _armed;

    public RequestDeadline(TimeProvider timeProvider)
    {
        _timer = timeProvider.CreateTimer(
            static state => ((RequestDeadline)state!).Cancel(expired: true), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether the running (or last) request ran out of time, as opposed to being cancelled by its caller.</summary>
    public bool Expired { get; private set; }

    /// <summary>Starts the clock; the token is cancelled when <paramref name="timeout"/> elapses or <paramref name="callerToken"/> is cancelled.</summary>
    public CancellationToken Start(TimeSpan timeout, CancellationToken callerToken)
    {
        lock (_gate)
        {
            _armed = true;
            Expired = false;
        }

        _callerRegistration = callerToken.UnsafeRegister(static state => ((RequestDeadline)state!).Cancel(expired: false), this);
        _timer.Change(timeout, Timeout.InfiniteTimeSpan);
        return _source.Token;
    }

    /// <summary>Stops the clock and readies the token source for the next request.</summary>
    public void Stop()
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _callerRegistration.Dispose();
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

    public void Dispose()
    {
        _timer.Dispose();
        _callerRegistration.Dispose();
        _source.Dispose();
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
