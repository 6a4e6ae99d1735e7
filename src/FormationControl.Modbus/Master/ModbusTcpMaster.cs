using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Tcp;

namespace FormationControl.Modbus.Master;

/// <summary>
/// Modbus TCP master over one connection. Requests go one at a time; each has a new transaction id, and
/// a response with any other id (a late answer to a request that timed out) is dropped.
/// The connection is not reopened: after a <see cref="ModbusTransportException"/>, connect again.
/// </summary>
public sealed class ModbusTcpMaster : ModbusMaster
{
    private readonly Socket _socket;
    private readonly string _endpoint;
    private readonly TimeSpan _timeout;
    private readonly byte[] _sendBuffer = ArrayPool<byte>.Shared.Rent(MbapHeader.MaxFrameLength);
    private readonly MbapFrameDecoder _decoder = new();
    private readonly RequestDeadline _deadline;
    private ushort _transactionId;
    private Exception? _linkFailure;

    private ModbusTcpMaster(Socket socket, string endpoint, ModbusTcpMasterOptions options)
        : base(options.Retries)
    {
        _socket = socket;
        _endpoint = endpoint;
        _timeout = options.Timeout;
        _deadline = new RequestDeadline(options.TimeProvider);
    }

    /// <summary>Responses dropped because their transaction id was not the one awaited (late or foreign answers).</summary>
    public long DiscardedResponses { get; private set; }

    /// <summary>The slave as host:port.</summary>
    public string Endpoint => _endpoint;

    private protected override Memory<byte> RequestPdu => _sendBuffer.AsMemory(MbapHeader.Length, ModbusLimits.MaxPduLength);

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

        string endpoint = $"{host}:{port}";
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connectTimeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token);
            await socket.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
            return new ModbusTcpMaster(socket, endpoint, options);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ModbusTransportException(endpoint, $"no connection within {options.ConnectTimeout.TotalMilliseconds:0.###} ms");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new ModbusTransportException(endpoint, $"connection failed ({e.SocketErrorCode}): {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private protected override async ValueTask<ReadOnlyMemory<byte>> ExchangeAsync(
        byte unitId, ModbusFunctionCode function, int pduLength, CancellationToken ct)
    {
        if (_linkFailure is not null)
        {
            throw new ModbusTransportException(_endpoint, "the connection failed earlier; connect again", _linkFailure);
        }

        // Cancelled before anything went out: the link is still in step.
        ct.ThrowIfCancellationRequested();
        ushort transactionId = unchecked(++_transactionId);
        MbapHeader.Write(_sendBuffer, transactionId, unitId, pduLength);
        CancellationToken token = _deadline.Start(_timeout, ct);
        bool sent = false;
        try
        {
            await SendAsync(_sendBuffer.AsMemory(0, MbapHeader.Length + pduLength), token).ConfigureAwait(false);
            sent = true;
            while (true)
            {
                MbapFrame frame = await ReceiveFrameAsync(token).ConfigureAwait(false);
                if (frame.TransactionId != transactionId)
                {
                    DiscardedResponses++;
                    continue;
                }

                if (frame.UnitId != unitId)
                {
                    throw new ModbusProtocolException(
                        $"Response to transaction {transactionId} (function {(byte)function}) comes from unit {frame.UnitId}, not {unitId}.");
                }

                return frame.Pdu;
            }
        }
        catch (OperationCanceledException e) when (_deadline.Expired && !ct.IsCancellationRequested)
        {
            if (!sent)
            {
                // Part of the frame may be on the wire: the stream can no longer be trusted.
                throw Fail("the request could not be sent in time", e);
            }

            throw new ModbusTimeoutException(unitId, (byte)function, _timeout);
        }
        catch (OperationCanceledException e) when (!sent && ct.IsCancellationRequested)
        {
            // The caller gave up in the middle of sending: as above, the stream may hold half a frame.
            _linkFailure = e;
            throw;
        }
        catch (Exception e) when (IsDisposed && e is SocketException or ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(ModbusTcpMaster), $"The master for {_endpoint} was disposed during the request.");
        }
        catch (SocketException e)
        {
            throw Fail($"{e.SocketErrorCode}: {e.Message}", e);
        }
        finally
        {
            _deadline.Stop();
        }
    }

    private protected override void AbortTransport()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: closing below is all that is left to do.
        }

        _socket.Dispose();
    }

    private protected override void ReleaseTransport()
    {
        _deadline.Dispose();
        _decoder.Dispose();
        ArrayPool<byte>.Shared.Return(_sendBuffer);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken token)
    {
        // One write per frame; the loop only matters if the kernel accepted part of it.
        while (!frame.IsEmpty)
        {
            int count = await _socket.SendAsync(frame, SocketFlags.None, token).ConfigureAwait(false);
            frame = frame[count..];
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<MbapFrame> ReceiveFrameAsync(CancellationToken token)
    {
        MbapFrame frame;
        while (!_decoder.TryReadFrame(out frame))
        {
            int count = await _socket.ReceiveAsync(_decoder.GetReceiveMemory(), SocketFlags.None, token).ConfigureAwait(false);
            if (count == 0)
            {
                throw Fail("the slave closed the connection", null);
            }

            _decoder.Advance(count);
        }

        return frame;
    }

    private ModbusTransportException Fail(string problem, Exception? cause)
    {
        var failure = new ModbusTransportException(_endpoint, problem, cause);
        _linkFailure = failure;
        return failure;
    }
}
