using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// A connection with one request outstanding at a time, driven by the caller: it sends (one socket write per
/// frame), then receives on its own awaits until the frame with its transaction id arrives. Frames with any
/// other id (late answers to requests that timed out or were cancelled, duplicates) are dropped and counted.
/// A request answered in time allocates nothing.
/// </summary>
internal sealed class SequentialTcpChannel : TcpMasterChannel
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _sendBuffer = ArrayPool<byte>.Shared.Rent(MbapHeader.MaxFrameLength);
    private readonly MbapFrameDecoder _decoder = new();
    private readonly RequestDeadline _deadline;
    private ushort _transactionId;

    public SequentialTcpChannel(Socket socket, string endpoint, TcpMasterCounters counters, TimeProvider timeProvider, ushort firstTransactionId)
        : base(socket, endpoint, counters)
    {
        _deadline = new RequestDeadline(timeProvider);
        _transactionId = unchecked((ushort)(firstTransactionId - 1));
    }

    /// <summary>The id the next request will carry.</summary>
    public ushort NextTransactionId => unchecked((ushort)(_transactionId + 1));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask TransactAsync(byte unitId, MasterOperation operation, TimeSpan timeout, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ThrowIfBroken();

            // Cancelled before anything went out: the link is still in step.
            ct.ThrowIfCancellationRequested();
            Span<byte> requestPdu = _sendBuffer.AsSpan(MbapHeader.Length, ModbusLimits.MaxPduLength);
            int pduLength = operation.Encode(requestPdu);
            ushort transactionId = unchecked(++_transactionId);
            MbapHeader.Write(_sendBuffer, transactionId, unitId, pduLength);
            ReadOnlyMemory<byte> response = await ExchangeAsync(transactionId, unitId, operation.Function, pduLength, timeout, ct).ConfigureAwait(false);
            operation.Decode(response.Span, _sendBuffer.AsSpan(MbapHeader.Length, pduLength));
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Close();
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _deadline.Dispose();
            _decoder.Dispose();
            ArrayPool<byte>.Shared.Return(_sendBuffer);
        }
        finally
        {
            // Later callers find the channel broken before they touch a buffer.
            _gate.Release();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>> ExchangeAsync(
        ushort transactionId, byte unitId, ModbusFunctionCode function, int pduLength, TimeSpan timeout, CancellationToken ct)
    {
        CancellationToken token = _deadline.Start(timeout, ct);
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
                    Counters.ResponseDiscarded();
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
        catch (OperationCanceledException e) when (!sent)
        {
            // Part of the frame may be on the wire: the stream can no longer be trusted, so the channel closes.
            // A caller that cancelled still gets its cancellation; a send that ran out of time is a link failure.
            ModbusTransportException failure = Fail(
                _deadline.Expired ? "the request could not be sent in time" : "the request was cancelled while being sent", e);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw failure;
        }
        catch (OperationCanceledException) when (_deadline.Expired && !ct.IsCancellationRequested)
        {
            throw new ModbusTimeoutException(unitId, (byte)function, timeout);
        }
        catch (SocketException e)
        {
            throw Fail($"{e.SocketErrorCode}: {e.Message}", e);
        }
        catch (ObjectDisposedException e)
        {
            throw Fail("the connection was closed", e);
        }
        finally
        {
            _deadline.Stop();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken token)
    {
        // One write per frame; the loop only matters if the kernel accepted part of it.
        while (!frame.IsEmpty)
        {
            int count = await Socket.SendAsync(frame, SocketFlags.None, token).ConfigureAwait(false);
            frame = frame[count..];
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<MbapFrame> ReceiveFrameAsync(CancellationToken token)
    {
        MbapFrame frame;
        while (!_decoder.TryReadFrame(out frame))
        {
            int count = await Socket.ReceiveAsync(_decoder.GetReceiveMemory(), SocketFlags.None, token).ConfigureAwait(false);
            if (count == 0)
            {
                throw Fail("the slave closed the connection", null);
            }

            _decoder.Advance(count);
        }

        return frame;
    }
}
