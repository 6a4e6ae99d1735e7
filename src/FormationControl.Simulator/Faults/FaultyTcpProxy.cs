using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace FormationControl.Simulator.Faults;

/// <summary>
/// A Modbus TCP hop between masters and a slave that misbehaves as its <see cref="FaultPlan"/> says: it cuts the
/// responses into MBAP frames and drops, delays (by the wall clock, in order) or corrupts them, and while the link is
/// down closes every connection and drops new ones at once. Requests pass through untouched.
/// </summary>
public sealed class FaultyTcpProxy : IAsyncDisposable
{
    private const int HeaderLength = 7;
    private const int MaxFrameLength = 6 + 255;

    private readonly IPEndPoint _upstream;
    private readonly FaultPlan _plan;
    private readonly TimeProvider _wall;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private Socket? _listener;
    private Task? _accepting;
    private long _dropped, _delayed, _corrupted, _cut;

    /// <param name="upstream">The slave to forward to.</param>
    /// <param name="plan">The faults.</param>
    /// <param name="wallClock">The clock delays run on (the system clock by default): masters time out on real time.</param>
    public FaultyTcpProxy(IPEndPoint upstream, FaultPlan plan, TimeProvider? wallClock = null)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(plan);
        _upstream = upstream;
        _plan = plan;
        _wall = wallClock ?? TimeProvider.System;
    }

    /// <summary>Raised (on the connection's task) each time a fault is applied: its kind (drop, delay, corrupt, link-down) and the unit id of the response (0 for a connection).</summary>
    public event Action<string, byte>? FaultApplied;

    /// <summary>Responses swallowed.</summary>
    public long ResponsesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Responses held back.</summary>
    public long ResponsesDelayed => Interlocked.Read(ref _delayed);

    /// <summary>Responses with a bit flipped.</summary>
    public long ResponsesCorrupted => Interlocked.Read(ref _corrupted);

    /// <summary>Connections closed or refused because the link was down.</summary>
    public long ConnectionsCut => Interlocked.Read(ref _cut);

    /// <summary>Listens on <paramref name="endpoint"/> (port 0 picks a free one) and returns the endpoint bound.</summary>
    /// <exception cref="IOException">The endpoint cannot be bound.</exception>
    public IPEndPoint Start(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen(64);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new IOException($"Fault proxy cannot listen on {endpoint} ({e.SocketErrorCode}): {e.Message}", e);
        }

        _listener = listener;
        _accepting = AcceptAsync(listener, _stopping.Token);
        return (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        _listener?.Dispose();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }

        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stop.IsCancellationRequested || e is ObjectDisposedException)
                {
                    return;
                }

                continue;
            }

            if (_plan.IsLinkDown())
            {
                Interlocked.Increment(ref _cut);
                client.Dispose();
                FaultApplied?.Invoke("link-down", 0);
                continue;
            }

            client.NoDelay = true;
            _connections[client] = Task.CompletedTask;
            _connections[client] = ServeAsync(client, stop);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stop)
    {
        using var upstream = new Socket(_upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var link = CancellationTokenSource.CreateLinkedTokenSource(stop);
        try
        {
            await upstream.ConnectAsync(_upstream, link.Token).ConfigureAwait(false);
            var requests = ForwardRequestsAsync(client, upstream, link.Token);
            var responses = ForwardResponsesAsync(upstream, client, link.Token);
            await Task.WhenAny(requests, responses).ConfigureAwait(false);
            await link.CancelAsync().ConfigureAwait(false);
            client.Dispose();
            upstream.Dispose();
            await Task.WhenAll(requests, responses).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Whatever ended this connection (the master left, the slave went away, the link was cut) ends it alone.
        }
        finally
        {
            client.Dispose();
            _connections.TryRemove(client, out _);
        }
    }

    private async Task ForwardRequestsAsync(Socket client, Socket upstream, CancellationToken token)
    {
        byte[] buffer = new byte[1024];
        try
        {
            while (true)
            {
                int n = await client.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
                if (n == 0 || _plan.IsLinkDown())
                {
                    if (n > 0)
                    {
                        Interlocked.Increment(ref _cut);
                        FaultApplied?.Invoke("link-down", 0);
                    }

                    return;
                }

                await SendAllAsync(upstream, buffer.AsMemory(0, n), token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ForwardResponsesAsync(Socket upstream, Socket client, CancellationToken token)
    {
        byte[] frame = new byte[MaxFrameLength];
        try
        {
            while (true)
            {
                if (!await ReceiveExactlyAsync(upstream, frame.AsMemory(0, HeaderLength), token).ConfigureAwait(false))
                {
                    return;
                }

                int length = 6 + ((frame[4] << 8) | frame[5]);
                if (length < HeaderLength + 1 || length > MaxFrameLength
                    || !await ReceiveExactlyAsync(upstream, frame.AsMemory(HeaderLength, length - HeaderLength), token).ConfigureAwait(false))
                {
                    return;
                }

                byte unit = frame[6];
                if (_plan.IsLinkDown())
                {
                    Interlocked.Increment(ref _cut);
                    FaultApplied?.Invoke("link-down", unit);
                    return;
                }

                if (_plan.ShouldDrop(unit))
                {
                    Interlocked.Increment(ref _dropped);
                    FaultApplied?.Invoke("drop", unit);
                    continue;
                }

                var delay = _plan.DelayFor(unit);
                if (delay > TimeSpan.Zero)
                {
                    Interlocked.Increment(ref _delayed);
                    var waiting = Task.Delay(delay, _wall, token);
                    FaultApplied?.Invoke("delay", unit);
                    await waiting.ConfigureAwait(false);
                }

                if (_plan.TryCorrupt(6, length, out int index, out byte mask))
                {
                    Interlocked.Increment(ref _corrupted);
                    frame[index] ^= mask;
                    FaultApplied?.Invoke("corrupt", unit);
                }

                await SendAllAsync(client, frame.AsMemory(0, length), token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task<bool> ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken token)
    {
        while (!buffer.IsEmpty)
        {
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            buffer = buffer[n..];
        }

        return true;
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken token)
    {
        while (!data.IsEmpty)
        {
            int n = await socket.SendAsync(data, SocketFlags.None, token).ConfigureAwait(false);
            data = data[n..];
        }
    }
}
