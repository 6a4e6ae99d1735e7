using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace FormationControl.Modbus.Slave;

/// <summary>
/// Modbus TCP slave (server) answering from an <see cref="IModbusDataStore"/>. Each client is served by
/// its own asynchronous loop; a client that sends garbage or vanishes affects no other client.
/// </summary>
public sealed class ModbusTcpSlave : IAsyncDisposable
{
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly IModbusDataStore _store;
    private readonly ModbusTcpSlaveOptions _options;
    private readonly ConcurrentDictionary<TcpSlaveConnection, Task> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task? _acceptLoop;

    public ModbusTcpSlave(IModbusDataStore store, ModbusTcpSlaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new ModbusTcpSlaveOptions();
        _options.Validate();
    }

    /// <summary>Clients connected now.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>
    /// Binds <paramref name="endpoint"/> (port 0 picks a free port), starts accepting clients, and returns
    /// the endpoint actually bound.
    /// </summary>
    /// <exception cref="IOException">The endpoint cannot be bound (in use, no such address).</exception>
    public IPEndPoint Start(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_listener is not null)
        {
            throw new InvalidOperationException($"The Modbus TCP slave already listens on {_listener.LocalEndPoint}.");
        }

        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen(_options.Backlog);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new IOException($"Modbus TCP slave cannot listen on {endpoint} ({e.SocketErrorCode}): {e.Message}", e);
        }

        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
        return (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>
    /// Stops accepting, closes every client connection and waits until their loops have ended.
    /// A stopped slave cannot be started again; create a new one.
    /// </summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        foreach (TcpSlaveConnection connection in _connections.Keys)
        {
            connection.Abort();
        }

        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset or SocketError.Interrupted)
            {
                // A client that gave up before it was accepted; the listener itself is fine.
                continue;
            }
            catch (SocketException)
            {
                // Out of resources (file descriptors, memory): pause instead of spinning, then try again.
                try
                {
                    await Task.Delay(AcceptRetryDelay, _options.TimeProvider, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            if (_connections.Count >= _options.MaxConnections)
            {
                client.Dispose();
                continue;
            }

            client.NoDelay = true;
            var connection = new TcpSlaveConnection(client, _store, _options.FastPathWait);
            _connections[connection] = Task.CompletedTask;
            _connections.TryUpdate(connection, ServeAsync(connection, token), Task.CompletedTask);
        }
    }

    private async Task ServeAsync(TcpSlaveConnection connection, CancellationToken token)
    {
        try
        {
            await connection.RunAsync(token).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }
}
