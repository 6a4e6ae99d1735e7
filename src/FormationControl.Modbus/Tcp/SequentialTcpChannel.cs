using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// A connection with one request outstanding at a time, driven by the caller. The frame goes out in one send; then the
/// caller's thread waits a short while in the kernel for the answer (see <see cref="ModbusTcpMasterOptions.FastPathWait"/>),
/// and an answer in that time completes the call synchronously, with no allocation and no thread switch. Otherwise the
/// exchange continues asynchronously under the request timeout, waiting in <see cref="SocketReadiness"/> (never in
/// .NET's socket engine, whose epoll thread would then wake for every answer; see there).
/// Frames with any other transaction id (late answers to requests that timed out or were cancelled, duplicates) are
/// dropped and counted, on both paths.
/// </summary>
internal sealed class SequentialTcpChannel : TcpMasterChannel
{
    // A peer that keeps sending fragments is left to the asynchronous path after this many reads.
    private const int FastPathReads = 4;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _sendBuffer = ArrayPool<byte>.Shared.Rent(MbapHeader.MaxFrameLength);
    private readonly MbapFrameDecoder _decoder = new();
    private readonly RequestDeadline _deadline;
    private readonly FastPathBudget _fastPath;
    private readonly TimeProvider _time;
    private readonly ReadinessWait _wait = new();
    private ushort _transactionId;

    public SequentialTcpChannel(
        Socket socket, string endpoint, TcpMasterCounters counters, TimeProvider timeProvider, TimeSpan fastPathWait, ushort firstTransactionId)
        : base(socket, endpoint, counters)
    {
        _time = timeProvider;
        _deadline = new RequestDeadline(timeProvider);
        _fastPath = new FastPathBudget(fastPathWait);
        _transactionId = unchecked((ushort)(firstTransactionId - 1));
    }

    /// <summary>Bounds the synchronous sends of the fast path (set once: it is a system call).</summary>
    public void SetSendTimeout(TimeSpan timeout) => Socket.SendTimeout = (int)Math.Ceiling(timeout.TotalMilliseconds);

    /// <summary>The id the next request will carry.</summary>
    public ushort NextTransactionId => unchecked((ushort)(_transactionId + 1));

    public override ValueTask TransactAsync(byte unitId, MasterOperation operation, TimeSpan timeout, CancellationToken ct)
    {
        if (!_gate.Wait(TimeSpan.Zero, CancellationToken.None))
        {
            return QueueAsync(unitId, operation, timeout, ct);
        }

        bool handedOff = false;
        try
        {
            int pduLength = Prepare(unitId, operation, ct, out ushort transactionId);
            if (!_fastPath.ShouldTry())
            {
                handedOff = true;
                return CompleteAsync(transactionId, unitId, operation, pduLength, timeout, sent: false, ct);
            }

            // The clock runs from the send, on the fast path too, so the timeout means the same on both paths.
            CancellationToken token = _deadline.Start(timeout, ct);
            bool answered = false;
            try
            {
                SendNow(pduLength);
                answered = TryReceiveNow(transactionId, unitId, operation.Function, out ReadOnlyMemory<byte> response);
                if (answered)
                {
                    _fastPath.Hit();
                    operation.Decode(response.Span, _sendBuffer.AsSpan(MbapHeader.Length, pduLength));
                    return default;
                }
            }
            finally
            {
                if (answered)
                {
                    _deadline.Stop();
                }
            }

            _fastPath.Miss();
            handedOff = true;
            return FinishAsync(transactionId, unitId, operation, pduLength, timeout, token, ct);
        }
        catch when (!handedOff)
        {
            _deadline.StopIfRunning();
            throw;
        }
        finally
        {
            if (!handedOff)
            {
                _gate.Release();
            }
        }
    }

    protected override async ValueTask DisposeOnceAsync()
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

    /// <summary>Checks the channel, encodes the request after its MBAP header; returns the PDU length.</summary>
    private int Prepare(byte unitId, MasterOperation operation, CancellationToken ct, out ushort transactionId)
    {
        ThrowIfBroken();

        // Cancelled before anything went out: the link is still in step.
        ct.ThrowIfCancellationRequested();
        int pduLength = operation.Encode(_sendBuffer.AsSpan(MbapHeader.Length, ModbusLimits.MaxPduLength));
        transactionId = unchecked(++_transactionId);
        MbapHeader.Write(_sendBuffer, transactionId, unitId, pduLength);
        return pduLength;
    }

    /// <summary>Another request holds the connection: wait for it, then run this one on the asynchronous path.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask QueueAsync(byte unitId, MasterOperation operation, TimeSpan timeout, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        int pduLength;
        ushort transactionId;
        try
        {
            pduLength = Prepare(unitId, operation, ct, out transactionId);
        }
        catch
        {
            _gate.Release();
            throw;
        }

        await CompleteAsync(transactionId, unitId, operation, pduLength, timeout, sent: false, ct).ConfigureAwait(false);
    }

    /// <summary>Sends (unless done already), waits for the answer under the timeout, decodes it, and frees the connection.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CompleteAsync(
        ushort transactionId, byte unitId, MasterOperation operation, int pduLength, TimeSpan timeout, bool sent, CancellationToken ct)
    {
        CancellationToken token;
        try
        {
            token = _deadline.Start(timeout, ct);
            if (!sent)
            {
                SendNow(pduLength);
            }
        }
        catch
        {
            _deadline.Stop();
            _gate.Release();
            throw;
        }

        await FinishAsync(transactionId, unitId, operation, pduLength, timeout, token, ct).ConfigureAwait(false);
    }

    /// <summary>After the send, with the deadline running: waits for the answer, decodes it, and frees the connection.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FinishAsync(
        ushort transactionId, byte unitId, MasterOperation operation, int pduLength, TimeSpan timeout, CancellationToken token, CancellationToken ct)
    {
        try
        {
            ReadOnlyMemory<byte> response = await ReceiveAsync(transactionId, unitId, operation.Function, timeout, token, ct).ConfigureAwait(false);
            operation.Decode(response.Span, _sendBuffer.AsSpan(MbapHeader.Length, pduLength));
        }
        finally
        {
            _deadline.Stop();
            _gate.Release();
        }
    }

    /// <summary>Sends the frame now, in one write; a send that cannot finish within the timeout breaks the link.</summary>
    private void SendNow(int pduLength)
    {
        ReadOnlySpan<byte> frame = _sendBuffer.AsSpan(0, MbapHeader.Length + pduLength);
        try
        {
            // The kernel takes a small frame at once; only a peer that stopped reading makes this wait, bounded by
            // the send timeout (the request timeout, see SetSendTimeout).
            while (!frame.IsEmpty)
            {
                frame = frame[Socket.Send(frame, SocketFlags.None)..];
            }
        }
        catch (SocketException e)
        {
            throw Fail(e.SocketErrorCode == SocketError.TimedOut ? "the request could not be sent in time" : $"{e.SocketErrorCode}: {e.Message}", e);
        }
        catch (ObjectDisposedException e)
        {
            throw Fail("the connection was closed", e);
        }
    }

    /// <summary>Waits up to the fast-path budget, in the kernel, for the answer with this transaction id.</summary>
    private bool TryReceiveNow(ushort transactionId, byte unitId, ModbusFunctionCode function, out ReadOnlyMemory<byte> response)
    {
        long start = _time.GetTimestamp();
        for (int reads = 0; ; reads++)
        {
            while (_decoder.TryReadFrame(out MbapFrame frame))
            {
                if (TryAccept(frame, transactionId, unitId, function))
                {
                    response = frame.Pdu;
                    return true;
                }
            }

            int remaining = _fastPath.Microseconds - (int)_time.GetElapsedTime(start).TotalMicroseconds;
            if (reads == FastPathReads || remaining <= 0)
            {
                response = default;
                return false;
            }

            try
            {
                if (!Socket.Poll(remaining, SelectMode.SelectRead))
                {
                    response = default;
                    return false;
                }

                int count = Socket.Receive(_decoder.GetReceiveMemory().Span, SocketFlags.None);
                if (count == 0)
                {
                    throw Fail("the slave closed the connection", null);
                }

                _decoder.Advance(count);
            }
            catch (SocketException e)
            {
                throw Fail($"{e.SocketErrorCode}: {e.Message}", e);
            }
            catch (ObjectDisposedException e)
            {
                throw Fail("the connection was closed", e);
            }
        }
    }

    /// <summary>Whether <paramref name="frame"/> answers this request; other transaction ids are dropped and counted.</summary>
    private bool TryAccept(MbapFrame frame, ushort transactionId, byte unitId, ModbusFunctionCode function)
    {
        if (frame.TransactionId != transactionId)
        {
            Counters.ResponseDiscarded();
            return false;
        }

        if (frame.UnitId != unitId)
        {
            throw new ModbusProtocolException(
                $"Response to transaction {transactionId} (function {(byte)function}) comes from unit {frame.UnitId}, not {unitId}.");
        }

        return true;
    }

    /// <summary>Waits (in <see cref="SocketReadiness"/>, until <paramref name="token"/> ends it) for the frame with this transaction id.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>> ReceiveAsync(
        ushort transactionId, byte unitId, ModbusFunctionCode function, TimeSpan timeout, CancellationToken token, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                while (_decoder.TryReadFrame(out MbapFrame frame))
                {
                    if (TryAccept(frame, transactionId, unitId, function))
                    {
                        return frame.Pdu;
                    }
                }

                // A ready report can be stale (the poller saw an earlier state), so readiness is checked again here.
                while (!Socket.Poll(0, SelectMode.SelectRead))
                {
                    await SocketReadiness.Shared.WaitAsync(_wait, Socket, SelectMode.SelectRead, token).ConfigureAwait(false);
                }

                int count = Socket.Receive(_decoder.GetReceiveMemory().Span, SocketFlags.None);
                if (count == 0)
                {
                    throw Fail("the slave closed the connection", null);
                }

                _decoder.Advance(count);
            }
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
    }
}
