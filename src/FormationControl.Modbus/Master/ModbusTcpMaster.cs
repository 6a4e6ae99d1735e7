using System.Net.Sockets;
using System.Runtime.CompilerServices;
using FormationControl.Modbus.Tcp;

namespace FormationControl.Modbus.Master;

/// <summary>
/// Modbus TCP master. Each request carries a new transaction id; a response with an id that is not in flight
/// (a late answer to a request that timed out, or a duplicate) is dropped, never handed to another caller.
/// When the connection breaks, the request in flight fails with <see cref="ModbusTransportException"/> (or is
/// retried, see <see cref="ModbusMasterOptions.Retries"/>) and the next request connects again.
/// </summary>
public sealed class ModbusTcpMaster : ModbusMaster
{
    private readonly string _host;
    private readonly int _port;
    private readonly ModbusTcpMasterOptions _options;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly TcpMasterCounters _counters = new();
    private TcpMasterChannel? _channel;
    private ushort _nextTransactionId = 1;

    private ModbusTcpMaster(string host, int port, ModbusTcpMasterOptions options)
        : base(options.CreateRetryPolicy())
    {
        _host = host;
        _port = port;
        _options = options;
        Endpoint = $"{host}:{port}";
    }

    /// <summary>Responses dropped because their transaction id was not awaited (late, stale or duplicate answers).</summary>
    public long DiscardedResponses => _counters.DiscardedResponses;

    /// <summary>Times the master opened a new connection after the previous one broke.</summary>
    public long Reconnects => _counters.Reconnects;

    /// <summary>Whether the connection is up as far as the master knows (the next request may still find it broken).</summary>
    public bool IsConnected => Volatile.Read(ref _channel) is { IsBroken: false };

    /// <summary>The slave as host:port.</summary>
    public string Endpoint { get; }

    /// <summary>Opens a TCP connection (with TCP_NODELAY) to a Modbus TCP slave.</summary>
    /// <exception cref="ModbusTransportException">The connection could not be opened in <see cref="ModbusTcpMasterOptions.ConnectTimeout"/>.</exception>
    public static async Task<ModbusTcpMaster> ConnectAsync(
        string host, int port, ModbusTcpMasterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        options ??= new ModbusTcpMasterOptions();
        options.Validate();

        var master = new ModbusTcpMaster(host, port, options);
        master._channel = await master.OpenChannelAsync(cancellationToken).ConfigureAwait(false);
        return master;
    }

    private protected override ValueTask TransactAsync(byte unitId, MasterOperation operation, CancellationToken ct)
    {
        TcpMasterChannel? channel = Volatile.Read(ref _channel);
        return channel is { IsBroken: false }
            ? channel.TransactAsync(unitId, operation, _options.Timeout, ct)
            : ReconnectThenTransactAsync(unitId, operation, ct);
    }

    private protected override async ValueTask DisposeTransportAsync()
    {
        await _connectGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReconnectThenTransactAsync(byte unitId, MasterOperation operation, CancellationToken ct)
    {
        TcpMasterChannel channel = await ReconnectAsync(ct).ConfigureAwait(false);
        await channel.TransactAsync(unitId, operation, _options.Timeout, ct).ConfigureAwait(false);
    }

    private async Task<TcpMasterChannel> ReconnectAsync(CancellationToken ct)
    {
        await _connectGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            TcpMasterChannel? current = _channel;
            if (current is { IsBroken: false })
            {
                return current; // another caller reconnected first
            }

            if (current is not null)
            {
                _nextTransactionId = current switch
                {
                    SequentialTcpChannel sequential => sequential.NextTransactionId,
                    PipelinedTcpChannel pipelined => pipelined.NextTransactionId,
                    _ => _nextTransactionId,
                };

                // Forgotten before it is retired, so a failed reconnect does not retire it twice.
                Volatile.Write(ref _channel, null);
                _ = RetireAsync(current);
            }

            TcpMasterChannel fresh = await OpenChannelAsync(ct).ConfigureAwait(false);
            Volatile.Write(ref _channel, fresh);
            _counters.Reconnected();
            return fresh;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private static async Task RetireAsync(TcpMasterChannel channel)
    {
        try
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A broken channel's cleanup has nobody left to tell.
        }
    }

    private async Task<TcpMasterChannel> OpenChannelAsync(CancellationToken cancellationToken)
    {
        Socket socket;
        try
        {
            using var connectTimeout = new CancellationTokenSource(_options.ConnectTimeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token);
            socket = await TcpConnector.ConnectAsync(_host, _port, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModbusTransportException(Endpoint, $"no connection within {_options.ConnectTimeout.TotalMilliseconds:0.###} ms");
        }
        catch (SocketException e)
        {
            throw new ModbusTransportException(Endpoint, $"connection failed ({e.SocketErrorCode}): {e.Message}", e);
        }

        if (_options.MaxOutstandingRequests > 1)
        {
            return new PipelinedTcpChannel(socket, Endpoint, _counters, _options.TimeProvider, _options.MaxOutstandingRequests, _nextTransactionId);
        }

        var channel = new SequentialTcpChannel(socket, Endpoint, _counters, _options.TimeProvider, _options.FastPathWait, _nextTransactionId);
        channel.SetSendTimeout(_options.Timeout);
        return channel;
    }
}
