namespace FormationControl.Modbus.Slave;

/// <summary>Settings of a <see cref="ModbusTcpSlave"/>; read when it starts.</summary>
public sealed class ModbusTcpSlaveOptions
{
    /// <summary>Most clients served at once (default 64); a connection beyond that is closed as soon as it is accepted.</summary>
    public int MaxConnections { get; set; } = 64;

    /// <summary>Connections the operating system queues before they are accepted (default 64).</summary>
    public int Backlog { get; set; } = 64;

    /// <summary>
    /// The clock for the pause after the listener fails for lack of resources (for example too many open
    /// files), so the slave retries instead of spinning (default <see cref="TimeProvider.System"/>).
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// After answering, how long a connection waits for the client's next request on its thread, blocked in the
    /// kernel as a C server would be, before it yields the thread and waits asynchronously (default 1 ms; zero:
    /// always asynchronous). A client that polls back to back is then served with no thread switch. After a miss the
    /// connection skips the wait for its next requests, more of them the more it misses, so idle or slow clients do
    /// not keep threads waiting.
    /// </summary>
    public TimeSpan FastPathWait { get; set; } = TimeSpan.FromMilliseconds(1);

    internal void Validate()
    {
        if (FastPathWait < TimeSpan.Zero || FastPathWait > TimeSpan.FromMilliseconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(FastPathWait), FastPathWait, $"{nameof(ModbusTcpSlaveOptions)}.{nameof(FastPathWait)} must be from 0 to 10 ms.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(Backlog, 1, nameof(Backlog));
    }
}
