using System.Net.Sockets;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// A connection with up to N requests outstanding: callers send back to back (one socket write per frame, in
/// turn), and one receive loop hands each response to the request with its transaction id, in whatever order
/// the slave answers. A response whose id is not in flight (its request timed out or was cancelled, or it is a
/// duplicate) is dropped and counted. Continuations run on the thread pool, never on the receive loop.
/// </summary>
internal sealed class PipelinedTcpChannel : TcpMasterChannel
{
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _sendTurn = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Stack<PendingRequest> _free = new();
    private readonly Dictionary<ushort, PendingRequest> _inFlight = [];
    private readonly MbapFrameDecoder _decoder = new();
    private readonly int _capacity;
    private readonly Task _receiveLoop;
    private ushort _transactionId;

    public PipelinedTcpChannel(
        Socket socket, string endpoint, TcpMasterCounters counters, TimeProvider timeProvider, int maxOutstanding, ushort firstTransactionId)
        : base(socket, endpoint, counters)
    {
        _capacity = maxOutstanding;
        _slots = new SemaphoreSlim(maxOutstanding, maxOutstanding);
        for (int i = 0; i < maxOutstanding; i++)
        {
            _free.Push(new PendingRequest(timeProvider, OnTimeout));
        }

        _transactionId = unchecked((ushort)(firstTransactionId - 1));
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public ushort NextTransactionId
    {
        get
        {
            lock (_lock)
            {
                return unchecked((ushort)(_transactionId + 1));
            }
        }
    }

    public override async ValueTask TransactAsync(byte unitId, MasterOperation operation, TimeSpan timeout, CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        PendingRequest request;
        lock (_lock)
        {
            request = _free.Pop();
        }

        try
        {
            ThrowIfBroken();
            ct.ThrowIfCancellationRequested();
            int pduLength = operation.Encode(request.Frame.AsSpan(MbapHeader.Length, ModbusLimits.MaxPduLength));
            lock (_lock)
            {
                ushort transactionId;
                do
                {
                    transactionId = unchecked(++_transactionId);
                }
                while (_inFlight.ContainsKey(transactionId));

                request.Prepare(transactionId, unitId, operation.Function);
                _inFlight.Add(transactionId, request);
            }

            MbapHeader.Write(request.Frame, request.TransactionId, unitId, pduLength);
            request.Arm(timeout, ct);
            await SendAsync(request, MbapHeader.Length + pduLength, ct).ConfigureAwait(false);
            await request.WaitAsync().ConfigureAwait(false);
            operation.Decode(request.Response.AsSpan(0, request.ResponseLength), request.Frame.AsSpan(MbapHeader.Length, pduLength));
        }
        finally
        {
            request.Disarm();
            lock (_lock)
            {
                if (_inFlight.TryGetValue(request.TransactionId, out PendingRequest? registered) && registered == request)
                {
                    _inFlight.Remove(request.TransactionId);
                }

                _free.Push(request);
            }

            _slots.Release();
        }
    }

    protected override async ValueTask DisposeOnceAsync()
    {
        Close();
        for (int i = 0; i < _capacity; i++)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
        }

        await _receiveLoop.ConfigureAwait(false);
        lock (_lock)
        {
            foreach (PendingRequest request in _free)
            {
                request.Dispose();
            }
        }

        _decoder.Dispose();

        // Later callers find the channel broken before they touch a slot.
        _slots.Release(_capacity);
    }

    private async ValueTask SendAsync(PendingRequest request, int length, CancellationToken ct)
    {
        await _sendTurn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ThrowIfBroken();
            request.IsSending = true;
            ReadOnlyMemory<byte> frame = request.Frame.AsMemory(0, length);
            while (!frame.IsEmpty)
            {
                // No token: a send stuck past the timeout is ended by closing the socket (see OnTimeout).
                int count = await Socket.SendAsync(frame, SocketFlags.None, CancellationToken.None).ConfigureAwait(false);
                frame = frame[count..];
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw Fail($"sending failed: {e.Message}", e);
        }
        finally
        {
            request.IsSending = false;
            _sendTurn.Release();
        }
    }

    private void OnTimeout(PendingRequest request)
    {
        if (request.IsSending)
        {
            // Half a frame may be on the wire: nothing after it on this stream can be trusted.
            Fail("a request could not be sent in time", null);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        Exception failure;
        try
        {
            while (true)
            {
                int count = await Socket.ReceiveAsync(_decoder.GetReceiveMemory(), SocketFlags.None, CancellationToken.None).ConfigureAwait(false);
                if (count == 0)
                {
                    failure = Fail("the slave closed the connection", null);
                    break;
                }

                _decoder.Advance(count);
                while (_decoder.TryReadFrame(out MbapFrame frame))
                {
                    Deliver(frame);
                }
            }
        }
        catch (Exception e)
        {
            // Whatever ended the loop, every request in flight must hear of it now, not at its timeout.
            failure = Fail($"receiving failed: {e.Message}", e);
        }

        lock (_lock)
        {
            foreach (PendingRequest request in _inFlight.Values)
            {
                request.TryFail(failure);
            }

            _inFlight.Clear();
        }
    }

    private void Deliver(MbapFrame frame)
    {
        lock (_lock)
        {
            // Under the lock, so a slot cannot be handed to a new request between lookup and completion.
            if (!_inFlight.Remove(frame.TransactionId, out PendingRequest? request))
            {
                Counters.ResponseDiscarded();
                return;
            }

            if (frame.UnitId != request.UnitId)
            {
                request.TryFail(new ModbusProtocolException(
                    $"Response to transaction {frame.TransactionId} (function {(byte)request.Function}) comes from unit {frame.UnitId}, not {request.UnitId}."));
                return;
            }

            if (!request.TryComplete(frame.Pdu.Span))
            {
                Counters.ResponseDiscarded(); // it had just timed out or been cancelled
            }
        }
    }
}
