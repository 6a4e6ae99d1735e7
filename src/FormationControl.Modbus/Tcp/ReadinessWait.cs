using System.Net.Sockets;
using System.Threading.Tasks.Sources;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// One socket's pending wait in <see cref="SocketReadiness"/>, reused by its owner for each wait (one at a time), so a
/// slow answer costs no allocation here. Settled by the poller (ready) or by the caller's token (cancelled), whichever
/// comes first; continuations run on the thread pool, never on the poller's thread.
/// </summary>
internal sealed class ReadinessWait : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _completion = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _cancellation;
    private SocketReadiness? _owner;
    private int _settled = 1;

    public Socket? Socket { get; private set; }

    public SelectMode Mode { get; private set; }

    public bool IsSettled => Volatile.Read(ref _settled) != 0;

    public ValueTask Prepare(Socket socket, SelectMode mode, SocketReadiness owner, CancellationToken ct)
    {
        _completion.Reset();
        Socket = socket;
        Mode = mode;
        _owner = owner;
        Volatile.Write(ref _settled, 0);
        if (ct.CanBeCanceled)
        {
            _cancellation = ct.UnsafeRegister(
                static (state, token) =>
                {
                    var wait = (ReadinessWait)state!;
                    if (wait.TrySettle(new OperationCanceledException(token)))
                    {
                        wait._owner?.Remove(wait);
                    }
                },
                this);
        }

        return new ValueTask(this, _completion.Version);
    }

    /// <summary>Settles the wait (with <paramref name="error"/>, or as ready when null); false if it was settled already.</summary>
    public bool TrySettle(Exception? error)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return false;
        }

        if (error is null)
        {
            _completion.SetResult(true);
        }
        else
        {
            _completion.SetException(error);
        }

        return true;
    }

    public void GetResult(short token)
    {
        _cancellation.Dispose();
        _cancellation = default;
        _completion.GetResult(token);
    }

    public ValueTaskSourceStatus GetStatus(short token) => _completion.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);
}
