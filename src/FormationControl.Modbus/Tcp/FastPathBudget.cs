namespace FormationControl.Modbus.Tcp;

/// <summary>
/// Decides whether the next exchange should first wait for its data on the calling thread (a short poll in the
/// kernel, as a C program does) before going asynchronous. A peer that keeps missing the wait (three times in a row)
/// is skipped for a while, twice as long after each further miss (up to 64 exchanges), and one hit resets it; so a
/// fast peer is served with no thread switch, a busy machine's occasional late answer changes nothing, and a slow peer
/// costs one short wait now and then. Used by one exchange at a time.
/// </summary>
internal sealed class FastPathBudget(TimeSpan wait)
{
    private const int MissesBeforeSkipping = 3;
    private const int MaxSkip = 64;
    private int _misses;
    private int _skip;
    private int _backoff;

    /// <summary>The wait in microseconds, as <see cref="System.Net.Sockets.Socket.Poll(int, System.Net.Sockets.SelectMode)"/> takes it.</summary>
    public int Microseconds { get; } = (int)Math.Min(wait.TotalMicroseconds, int.MaxValue);

    /// <summary>Whether to try the fast path this time.</summary>
    public bool ShouldTry()
    {
        if (Microseconds <= 0)
        {
            return false;
        }

        if (_skip > 0)
        {
            _skip--;
            return false;
        }

        return true;
    }

    /// <summary>The data came within the wait: keep trying.</summary>
    public void Hit()
    {
        _misses = 0;
        _backoff = 0;
    }

    /// <summary>It did not.</summary>
    public void Miss()
    {
        if (++_misses < MissesBeforeSkipping)
        {
            return;
        }

        _backoff = Math.Clamp(_backoff * 2, 1, MaxSkip);
        _skip = _backoff;
    }
}
