namespace FormationControl.Modbus.Master;

/// <summary>Settings of a <see cref="ModbusTcpMaster"/>; read once when it connects.</summary>
public sealed class ModbusTcpMasterOptions : ModbusMasterOptions
{
    /// <summary>How long opening the TCP connection may take (default 5 s), also when the master reconnects.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Requests that may be outstanding on the connection at once (default 1: each waits for the previous answer).
    /// Above 1 the master pipelines: concurrent callers' requests go out back to back and answers are matched by
    /// transaction id, in whatever order they come. Only for slaves known to queue requests (this library's slave,
    /// libmodbus, pymodbus); a simple device may drop or mix them up.
    /// </summary>
    public int MaxOutstandingRequests { get; set; } = 1;

    /// <summary>
    /// How long a request waits for its answer on the calling thread, blocked in the kernel as a C client would be,
    /// before it yields the thread and continues asynchronously (default 1 ms; zero: always asynchronous). An answer
    /// that comes within it (loopback, a fast LAN device) completes the call with no thread switch, which roughly
    /// halves the time per request. After a miss the master skips the wait for the next requests, more of them the
    /// more it misses, so a slow device does not keep threads waiting. Only for one request at a time
    /// (<see cref="MaxOutstandingRequests"/> = 1).
    /// </summary>
    public TimeSpan FastPathWait { get; set; } = TimeSpan.FromMilliseconds(1);

    internal override void Validate()
    {
        base.Validate();
        CheckPositive(ConnectTimeout, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutstandingRequests, 1, nameof(MaxOutstandingRequests));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxOutstandingRequests, 256, nameof(MaxOutstandingRequests));
        if (FastPathWait < TimeSpan.Zero || FastPathWait > TimeSpan.FromMilliseconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(FastPathWait), FastPathWait, $"{nameof(ModbusTcpMasterOptions)}.{nameof(FastPathWait)} must be from 0 to 10 ms.");
        }
    }
}
