namespace FormationControl.Modbus.Master;

/// <summary>What every master's settings share: timeouts, retries and the clock. Read once when the master opens.</summary>
public abstract class ModbusMasterOptions
{
    /// <summary>
    /// How long one attempt waits for its response (default 1 s), measured with <see cref="TimeProvider"/>.
    /// A response that comes later is recognised (by transaction id on TCP, by shape on RTU) and dropped.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many times a request is sent again after a timeout or a broken link (reopening the link first)
    /// before the failure reaches the caller (default 0). Exception responses, protocol errors and cancellation
    /// are never retried. Modbus writes set absolute values, so repeating one is harmless.
    /// </summary>
    public int Retries { get; set; }

    /// <summary>
    /// The wait before the first retry (default 50 ms); it doubles with each further retry up to
    /// <see cref="MaxRetryBackoff"/>. Zero retries at once.
    /// </summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait between two attempts (default 1 s).</summary>
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The clock that measures timeouts and back-off waits (default <see cref="TimeProvider.System"/>). In a
    /// virtual-time run pass the real clock: a virtual clock that only moves between poll cycles would never let a
    /// request time out.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal virtual void Validate()
    {
        CheckPositive(Timeout, nameof(Timeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentOutOfRangeException.ThrowIfNegative(Retries, nameof(Retries));
        CheckNotNegative(RetryBackoff, nameof(RetryBackoff));
        CheckNotNegative(MaxRetryBackoff, nameof(MaxRetryBackoff));
    }

    internal RetryPolicy CreateRetryPolicy() => new(Retries, RetryBackoff, MaxRetryBackoff, TimeProvider);

    private protected void CheckPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{GetType().Name}.{name} must be positive and at most {int.MaxValue} ms.");
        }
    }

    private protected void CheckNotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{GetType().Name}.{name} must be zero or positive and at most {int.MaxValue} ms.");
        }
    }
}
