namespace FormationControl.Modbus.Master;

/// <summary>
/// Which failures a master retries and how long it waits first: timeouts and broken links, after
/// <c>backoff × 2^(retry − 1)</c> capped at <c>maxBackoff</c>, measured on the master's clock.
/// </summary>
internal sealed class RetryPolicy(int retries, TimeSpan backoff, TimeSpan maxBackoff, TimeProvider timeProvider)
{
    public int Retries { get; } = retries;

    /// <summary>Whether attempt number <paramref name="attempt"/> (0 is the first) may be followed by another after <paramref name="failure"/>.</summary>
    public bool ShouldRetry(int attempt, Exception failure) =>
        attempt < Retries && failure is ModbusTimeoutException or ModbusTransportException;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 is the first).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        if (backoff <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        double factor = Math.Pow(2, Math.Min(retry - 1, 30));
        double ticks = Math.Min(backoff.Ticks * factor, maxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public Task WaitBeforeAsync(int retry, CancellationToken ct)
    {
        TimeSpan delay = DelayBefore(retry);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, ct);
    }
}
