using System.Net;
using System.Net.Sockets;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// Waits asynchronously until sockets can be read or written, on one background thread that polls only the sockets
/// somebody is waiting for. This keeps the master's and slave's sockets out of .NET's own socket engine: a socket
/// that has ever had an asynchronous operation pending is watched by its epoll thread for good, and then every
/// arriving answer wakes that thread and a thread-pool worker even when the answer is read synchronously. Our sockets
/// are read synchronously on the fast path (see <see cref="FastPathBudget"/>) and only come here when an answer is
/// slow, so each exchange costs the system calls a C program would make.
/// </summary>
#pragma warning disable CA1001 // Lives as long as the process, like the thread that polls.
internal sealed class SocketReadiness
#pragma warning restore CA1001
{
    private static readonly Lazy<SocketReadiness> SharedInstance = new(() => new SocketReadiness());

    private readonly Lock _lock = new();
    private readonly List<ReadinessWait> _waits = [];
    private readonly Socket _wakeReceiver;
    private readonly Socket _wakeSender;
    private readonly byte[] _wakeByte = [1];

    private SocketReadiness()
    {
        // A UDP socket on loopback sending to itself: one datagram wakes the poll so it sees new waits.
        _wakeReceiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _wakeReceiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _wakeSender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _wakeSender.Connect(_wakeReceiver.LocalEndPoint!);
        new Thread(Run) { IsBackground = true, Name = "Modbus socket readiness" }.Start();
    }

    /// <summary>The process-wide poller.</summary>
    public static SocketReadiness Shared => SharedInstance.Value;

    /// <summary>
    /// Completes when <paramref name="socket"/> can be read (<see cref="SelectMode.SelectRead"/>: data, end of stream or
    /// an error) or written; cancelled by <paramref name="ct"/>. <paramref name="wait"/> is the caller's reusable slot.
    /// </summary>
    public ValueTask WaitAsync(ReadinessWait wait, Socket socket, SelectMode mode, CancellationToken ct)
    {
        ValueTask pending = wait.Prepare(socket, mode, this, ct);
        lock (_lock)
        {
            _waits.Add(wait);
        }

        Wake();
        return pending;
    }

    /// <summary>Forgets a wait that was cancelled, so its socket is no longer polled.</summary>
    internal void Remove(ReadinessWait wait)
    {
        lock (_lock)
        {
            _waits.Remove(wait);
        }

        Wake();
    }

    private void Wake()
    {
        try
        {
            _wakeSender.Send(_wakeByte);
        }
        catch (SocketException)
        {
            // The receive buffer is full of wake-ups already: the poll will come round anyway.
        }
    }

    private void Run()
    {
        var read = new List<Socket>();
        var write = new List<Socket>();
        var error = new List<Socket>();
        byte[] drain = new byte[64];
        while (true)
        {
            read.Clear();
            write.Clear();
            error.Clear();
            read.Add(_wakeReceiver);
            lock (_lock)
            {
                _waits.RemoveAll(w => w.IsSettled);
                foreach (ReadinessWait wait in _waits)
                {
                    (wait.Mode == SelectMode.SelectWrite ? write : read).Add(wait.Socket!);
                    error.Add(wait.Socket!);
                }
            }

            try
            {
                Socket.Select(read, write.Count > 0 ? write : null, error, -1);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // A socket was closed while waited for: find it and tell its waiter; the others poll again.
                SettleClosed();
                continue;
            }

            if (read.Remove(_wakeReceiver))
            {
                while (_wakeReceiver.Available > 0)
                {
                    _wakeReceiver.Receive(drain);
                }
            }

            lock (_lock)
            {
                foreach (ReadinessWait wait in _waits)
                {
                    if (read.Contains(wait.Socket!) || write.Contains(wait.Socket!) || error.Contains(wait.Socket!))
                    {
                        wait.TrySettle(null);
                    }
                }
            }
        }
    }

    private void SettleClosed()
    {
        lock (_lock)
        {
            foreach (ReadinessWait wait in _waits)
            {
                try
                {
                    _ = wait.Socket!.Available;
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                    // Settled as ready: the waiter's next read or write on the socket reports the failure.
                    wait.TrySettle(null);
                }
            }
        }
    }
}
