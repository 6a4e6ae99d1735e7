using System.Net;
using System.Net.Sockets;
using FormationControl.Modbus.Tcp;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Tcp;

public class TcpConnectorTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Connects_by_address_or_name_and_hands_back_a_blocking_socket_with_no_delay(string host)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        using Socket socket = await TcpConnector.ConnectAsync(host, ((IPEndPoint)listener.LocalEndpoint).Port, CancellationToken.None).Within();
        using Socket accepted = await listener.AcceptSocketAsync().Within();

        Assert.True(socket.Connected);
        Assert.True(socket.Blocking);
        Assert.True(socket.NoDelay);
    }

    [Fact]
    public async Task A_refused_connection_is_a_socket_error()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var e = await Assert.ThrowsAsync<SocketException>(() => TcpConnector.ConnectAsync("127.0.0.1", port, CancellationToken.None).Within());

        Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
    }

    [Fact]
    public async Task A_connect_still_pending_ends_when_its_token_is_cancelled()
    {
        // A listener with a queue of one that never accepts: once one connection waits in it, the kernel drops
        // further handshakes, so the next connect hangs until it is cancelled.
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using Socket queued = await TcpConnector.ConnectAsync("127.0.0.1", port, CancellationToken.None).Within();
        using var cancel = new CancellationTokenSource();
        Task<Socket> pending = TcpConnector.ConnectAsync("127.0.0.1", port, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.Within());
    }

    [Fact]
    public async Task A_token_cancelled_before_the_start_connects_nothing()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TcpConnector.ConnectAsync("127.0.0.1", 502, cancel.Token).Within());
    }
}
