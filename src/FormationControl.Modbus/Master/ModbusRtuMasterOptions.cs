namespace FormationControl.Modbus.Master;

/// <summary>Settings of a <see cref="ModbusRtuMaster"/>; read once when it opens.</summary>
public sealed class ModbusRtuMasterOptions : ModbusMasterOptions
{
    /// <summary>
    /// The silence kept before each request: <c>null</c> (default) for the spec's 3.5 character times (1.75 ms
    /// above 19200 baud), or a fixed span; zero sends at once (for a pty, where line timing means nothing).
    /// Responses are found by length and CRC, never by timing.
    /// </summary>
    public TimeSpan? InterFrameDelay { get; set; }

    /// <summary>
    /// After a broadcast (unit 0, writes only, never answered) the line stays quiet this long, plus the frame's
    /// time on the wire, before the next request, so every slave has carried the write out (default 100 ms).
    /// </summary>
    public TimeSpan BroadcastTurnaround { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest wait for a failed port to close before it is reopened (default 2 s). Closing a serial port
    /// after a write that timed out can block indefinitely; it runs on a thread of its own and, past this wait,
    /// is abandoned there.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    internal override void Validate()
    {
        base.Validate();
        if (InterFrameDelay is { } delay)
        {
            CheckNotNegative(delay, nameof(InterFrameDelay));
        }

        CheckNotNegative(BroadcastTurnaround, nameof(BroadcastTurnaround));
        CheckPositive(CloseTimeout, nameof(CloseTimeout));
    }
}
