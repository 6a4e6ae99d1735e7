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

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(Backlog, 1, nameof(Backlog));
    }
}
