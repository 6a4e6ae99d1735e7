using System.Net.Sockets;
using FormationControl.Modbus.Master;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// One TCP connection of a master, from connect to failure. Once broken it stays broken: the master replaces it
/// with a new one on the next request. Subclasses decide how many requests may be outstanding at once.
/// </summary>
internal abstract class TcpMasterChannel : IAsyncDisposable
{
    private Exception? _failure;
    private int _disposed;

    protected TcpMasterChannel(Socket socket, string endpoint, TcpMasterCounters counters)
    {
        Socket = socket;
        Endpoint = endpoint;
        Counters = counters;
    }

    public string Endpoint { get; }

    /// <summary>Whether the connection failed; a broken channel never carries another request.</summary>
    public bool IsBroken => Volatile.Read(ref _failure) is not null;

    protected Socket Socket { get; }

    protected TcpMasterCounters Counters { get; }

    /// <summary>One attempt of <paramref name="operation"/>: send, wait at most <paramref name="timeout"/>, decode.</summary>
    public abstract ValueTask TransactAsync(byte unitId, MasterOperation operation, TimeSpan timeout, CancellationToken ct);

    /// <summary>Closes the socket so I/O in flight ends now, waits for the requests in flight, and frees buffers; once.</summary>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? DisposeOnceAsync() : ValueTask.CompletedTask;

    /// <summary>What <see cref="DisposeAsync"/> does, called at most once (buffers go back to shared pools).</summary>
    protected abstract ValueTask DisposeOnceAsync();

    /// <summary>Marks the channel broken and closes the socket; returns the exception for the request that found out.</summary>
    public ModbusTransportException Fail(string problem, Exception? cause)
    {
        var failure = new ModbusTransportException(Endpoint, problem, cause);
        if (Interlocked.CompareExchange(ref _failure, failure, null) is null)
        {
            Abort();
        }

        return failure;
    }

    protected void ThrowIfBroken()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw new ModbusTransportException(Endpoint, "the connection failed earlier", failure);
        }
    }

    /// <summary>Shuts the socket down and closes it, so pending sends and receives end at once.</summary>
    protected void Abort()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already reset by the peer or closed: closing below is all that is left to do.
        }

        Socket.Dispose();
    }

    /// <summary>Ends the channel for good (the master is being disposed).</summary>
    protected void Close() => Fail("the master was disposed", null);
}
