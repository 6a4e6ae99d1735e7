using System.Threading.Tasks.Sources;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// One request slot of a pipelined connection: its frame, the copy of its response, and a completion that the
/// receive loop (response), its timer (timeout), its caller's token (cancellation) or a link failure settles,
/// whichever comes first. Slots are reused, so a request allocates nothing once the pool is warm.
/// </summary>
internal sealed class PendingRequest : IValueTaskSource, IDisposable
{
    private readonly ITimer _timer;
    private ManualResetValueTaskSourceCore<bool> _completion = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _callerRegistration;
    private TimeSpan _timeout;
    private int _settled;

    public PendingRequest(TimeProvider timeProvider, Action<PendingRequest> onTimeout)
    {
        _timer = timeProvider.CreateTimer(
            state =>
            {
                var request = (PendingRequest)state!;
                if (request.TryFail(new ModbusTimeoutException(request.UnitId, (byte)request.Function, request._timeout)))
                {
                    onTimeout(request);
                }
            },
            this,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>MBAP header and PDU as sent.</summary>
    public byte[] Frame { get; } = new byte[MbapHeader.MaxFrameLength];

    /// <summary>The response PDU, copied out of the receive buffer.</summary>
    public byte[] Response { get; } = new byte[ModbusLimits.MaxPduLength];

    public int ResponseLength { get; private set; }

    public ushort TransactionId { get; private set; }

    public byte UnitId { get; private set; }

    public ModbusFunctionCode Function { get; private set; }

    /// <summary>Whether the frame is being written now (a timeout then leaves half a frame on the stream).</summary>
    public bool IsSending { get; set; }

    public void Prepare(ushort transactionId, byte unitId, ModbusFunctionCode function)
    {
        _completion.Reset();
        Volatile.Write(ref _settled, 0);
        TransactionId = transactionId;
        UnitId = unitId;
        Function = function;
        ResponseLength = 0;
    }

    /// <summary>Starts the timeout and listens to the caller's token.</summary>
    public void Arm(TimeSpan timeout, CancellationToken ct)
    {
        _timeout = timeout;
        _timer.Change(timeout, Timeout.InfiniteTimeSpan);
        if (ct.CanBeCanceled)
        {
            _callerRegistration = ct.UnsafeRegister(
                static (state, token) => ((PendingRequest)state!).TryFail(new OperationCanceledException(token)), this);
        }
    }

    public void Disarm()
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _callerRegistration.Dispose();
        _callerRegistration = default;
    }

    /// <summary>Settles the request with <paramref name="pdu"/>; false if it was settled already.</summary>
    public bool TryComplete(ReadOnlySpan<byte> pdu)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return false;
        }

        pdu.CopyTo(Response);
        ResponseLength = pdu.Length;
        _completion.SetResult(true);
        return true;
    }

    /// <summary>Settles the request with <paramref name="error"/>; false if it was settled already.</summary>
    public bool TryFail(Exception error)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return false;
        }

        _completion.SetException(error);
        return true;
    }

    public ValueTask WaitAsync() => new(this, _completion.Version);

    public void GetResult(short token) => _completion.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _completion.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    public void Dispose()
    {
        _timer.Dispose();
        _callerRegistration.Dispose();
    }
}
