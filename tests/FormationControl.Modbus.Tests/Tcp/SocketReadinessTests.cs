using System.Net;
using System.Net.Sockets;
using FormationControl.Modbus.Tcp;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Tcp;

/// <summary>The shared poller that waits for slow answers outside .NET's socket engine.</summary>
public sealed class SocketReadinessTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Socket _client = new(SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _server;

    public SocketReadinessTests()
    {
        _listener.Start();
        _client.Connect((IPEndPoint)_listener.LocalEndpoint);
        _server = _listener.AcceptSocket();
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _listener.Dispose();
    }

    [Fact]
    public async Task A_wait_ends_when_data_arrives()
    {
        var wait = new ReadinessWait();
        Task waiting = SocketReadiness.Shared.WaitAsync(wait, _client, SelectMode.SelectRead, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        _server.Send([1, 2, 3]);

        await waiting.Within();
        Assert.Equal(3, _client.Available);
    }

    [Fact]
    public async Task A_slot_is_reused_wait_after_wait()
    {
        var wait = new ReadinessWait();
        for (int i = 0; i < 50; i++)
        {
            Task waiting = SocketReadiness.Shared.WaitAsync(wait, _client, SelectMode.SelectRead, CancellationToken.None).AsTask();
            _server.Send([(byte)i]);
            await waiting.Within();
            Assert.Equal(1, _client.Receive(new byte[8]));
        }
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_leaves_the_socket_alone()
    {
        using var cancel = new CancellationTokenSource();
        var wait = new ReadinessWait();
        Task waiting = SocketReadiness.Shared.WaitAsync(wait, _client, SelectMode.SelectRead, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
        Assert.True(wait.IsSettled);
    }

    [Fact]
    public async Task A_socket_closed_while_waited_for_settles_the_wait_and_the_poller_keeps_serving_others()
    {
        var closing = new ReadinessWait();
        var other = new ReadinessWait();
        Task doomed = SocketReadiness.Shared.WaitAsync(closing, _client, SelectMode.SelectRead, CancellationToken.None).AsTask();
        Task waiting = SocketReadiness.Shared.WaitAsync(other, _server, SelectMode.SelectRead, CancellationToken.None).AsTask();

        _client.Dispose();
        await doomed.Within();

        using var third = new Socket(SocketType.Stream, ProtocolType.Tcp);
        third.Connect((IPEndPoint)_listener.LocalEndpoint);
        using Socket accepted = await _listener.AcceptSocketAsync().Within();
        var fresh = new ReadinessWait();
        Task later = SocketReadiness.Shared.WaitAsync(fresh, accepted, SelectMode.SelectRead, CancellationToken.None).AsTask();
        third.Send([9]);
        await later.Within();
        await waiting.Within(); // the server side saw its peer close: end of stream is readable
    }
}
