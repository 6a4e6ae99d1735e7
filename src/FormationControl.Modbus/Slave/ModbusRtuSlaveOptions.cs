namespace FormationControl.Modbus.Slave;

/// <summary>Settings of a <see cref="ModbusRtuSlave"/>; read when it starts.</summary>
public sealed class ModbusRtuSlaveOptions
{
    /// <summary>
    /// The silence kept between a request and its answer, and the silence after which undecided bytes are taken as
    /// one frame (a function code this slave cannot measure, answered with exception 1, or dropped if its CRC fails):
    /// <c>null</c> (default) for the spec's 3.5 character times (1.75 ms above 19200 baud), at least 2 ms for the
    /// latter; zero answers at once.
    /// </summary>
    public TimeSpan? InterFrameDelay { get; set; }

    /// <summary>How long to wait before opening the port again after it failed or could not be opened (default 1 s).</summary>
    public TimeSpan ReopenDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for a failed port to close (default 2 s); past it the close is abandoned on its own thread.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for delays and timeouts (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (InterFrameDelay is { } delay && (delay < TimeSpan.Zero || delay > TimeSpan.FromSeconds(10)))
        {
            throw new ArgumentOutOfRangeException(nameof(InterFrameDelay), delay, $"{nameof(ModbusRtuSlaveOptions)}.{nameof(InterFrameDelay)} must be from 0 to 10 s.");
        }

        CheckPositive(ReopenDelay, nameof(ReopenDelay));
        CheckPositive(CloseTimeout, nameof(CloseTimeout));
    }

    private static void CheckPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(ModbusRtuSlaveOptions)}.{name} must be positive and at most {int.MaxValue} ms.");
        }
    }
}
