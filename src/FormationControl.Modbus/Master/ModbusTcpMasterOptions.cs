namespace FormationControl.Modbus.Master;

/// <summary>Settings of a <see cref="ModbusTcpMaster"/>; read once when it connects.</summary>
public sealed class ModbusTcpMasterOptions
{
    /// <summary>
    /// How long one request waits for its response (default 1 s). Measured per attempt with
    /// <see cref="TimeProvider"/>. A response that comes later is recognised by its transaction id and dropped.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long opening the TCP connection may take (default 5 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The clock that measures timeouts (default <see cref="TimeProvider.System"/>). In a virtual-time run,
    /// pass the real clock: a virtual clock that only moves between poll cycles would never let a request time out.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How many times a request that timed out is sent again, with a new transaction id, before
    /// <see cref="ModbusTimeoutException"/> is thrown (default 0). Exception responses and link failures are not retried.
    /// </summary>
    public int Retries { get; set; }

    internal void Validate()
    {
        CheckTimeout(Timeout, nameof(Timeout));
        CheckTimeout(ConnectTimeout, nameof(ConnectTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentOutOfRangeException.ThrowIfNegative(Retries, nameof(Retries));
    }

    private static void CheckTimeout(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(ModbusTcpMasterOptions)}.{name} must be positive and at most {int.MaxValue} ms.");
        }
    }
}
