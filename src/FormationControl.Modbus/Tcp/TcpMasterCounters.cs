namespace FormationControl.Modbus.Tcp;

/// <summary>What a TCP master counts across its connections (a reconnect starts a new channel, not new counters).</summary>
internal sealed class TcpMasterCounters
{
    private long _discardedResponses;
    private long _reconnects;

    /// <summary>Responses whose transaction id matched no request in flight (late, stale or duplicate answers).</summary>
    public long DiscardedResponses => Interlocked.Read(ref _discardedResponses);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public void ResponseDiscarded() => Interlocked.Increment(ref _discardedResponses);

    public void Reconnected() => Interlocked.Increment(ref _reconnects);
}
