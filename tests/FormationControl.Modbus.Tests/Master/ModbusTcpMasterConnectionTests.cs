using System.Net;
using System.Net.Sockets;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Master;

/// <summary>Opening, losing and closing the link.</summary>
public class ModbusTcpMasterConnectionTests
{
    [Fact]
    public async Task A_refused_connection_names_host_and_port()
    {
        int port = FreePortNobodyListensOn();

        var e = await Assert.ThrowsAsync<ModbusTransportException>(() => ModbusTcpMaster.ConnectAsync("127.0.0.1", port).Within());

        Assert.Equal($"127.0.0.1:{port}", e.Endpoint);
        Assert.StartsWith($"Modbus link to 127.0.0.1:{port}: connection failed (ConnectionRefused)", e.Message);
        Assert.IsType<SocketException>(e.InnerException);
    }

    [Fact]
    public async Task A_slave_that_hangs_up_fails_the_request_in_flight_and_the_next_request_reconnects()
    {
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        Task reading = master.ReadHoldingRegistersAsync(1, 0, new ushort[1]).AsTask();
        var lost = await peer.ReadRequestAsync();
        peer.Hangup();

        var e = await Assert.ThrowsAsync<ModbusTransportException>(() => reading.Within());
        Assert.Contains($"127.0.0.1:{peer.Port}", e.Message);
        Assert.False(master.IsConnected);

        Task<ushort[]> next = master.ReadHoldingRegistersAsync(1, 0, 1);
        await peer.AcceptAsync();
        var request = await peer.ReadRequestAsync();
        await peer.AnswerAsync(request.TransactionId, 1, 0x03, 0x02, 0x12, 0x34);

        Assert.Equal(new ushort[] { 0x1234 }, await next.Within());
        Assert.Equal(1, master.Reconnects);
        Assert.True(master.IsConnected);
        Assert.Equal(unchecked((ushort)(lost.TransactionId + 1)), request.TransactionId);
    }

    [Fact]
    public async Task A_request_retried_after_the_link_broke_reconnects_and_succeeds()
    {
        await using var peer = ScriptedSlave.Start();
        var options = new ModbusTcpMasterOptions { Retries = 1, RetryBackoff = TimeSpan.Zero };
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port, options);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        Task writing = master.WriteSingleRegisterAsync(1, 9, 77).AsTask();
        var first = await peer.ReadRequestAsync();
        peer.Hangup();
        await peer.AcceptAsync();
        var again = await peer.ReadRequestAsync();
        await peer.AnswerAsync(again.TransactionId, 1, again.Pdu);

        await writing.Within();
        Assert.Equal(first.Pdu, again.Pdu);
        Assert.Equal(1, master.Reconnects);
    }

    [Fact]
    public async Task A_slave_that_is_gone_for_good_fails_each_request_with_a_transport_error_naming_it()
    {
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();
        int port = peer.Port;
        peer.Hangup();
        await peer.DisposeAsync();

        var first = await Assert.ThrowsAsync<ModbusTransportException>(() => master.ReadHoldingRegistersAsync(1, 0, 1).Within());
        var second = await Assert.ThrowsAsync<ModbusTransportException>(() => master.ReadHoldingRegistersAsync(1, 0, 1).Within());

        Assert.Equal($"127.0.0.1:{port}", second.Endpoint);
        Assert.Contains("ConnectionRefused", second.Message);
        Assert.NotNull(first.Message);
    }

    [Fact]
    public async Task Requests_after_dispose_throw_ObjectDisposedException()
    {
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port);
        await peer.AcceptAsync();
        var master = await connecting.Within();

        await master.DisposeAsync().Within();
        await master.DisposeAsync().Within();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => master.WriteSingleRegisterAsync(1, 0, 0).Within());
    }

    [Fact]
    public async Task Dispose_ends_a_request_in_flight()
    {
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port, new ModbusTcpMasterOptions { Timeout = TimeSpan.FromMinutes(5) });
        await peer.AcceptAsync();
        var master = await connecting.Within();
        Task reading = master.ReadHoldingRegistersAsync(1, 0, new ushort[1]).AsTask();
        await peer.ReadRequestAsync();

        await master.DisposeAsync().Within();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => reading.Within());
    }

    [Fact]
    public async Task A_connect_that_hangs_fails_after_the_connect_timeout_on_the_masters_clock()
    {
        // A listener with a queue of one that never accepts: the second connect hangs.
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        await using var queued = await ModbusTcpMaster.ConnectAsync("127.0.0.1", port).Within();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = new ModbusTcpMasterOptions { TimeProvider = time, ConnectTimeout = TimeSpan.FromSeconds(3) };

        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", port, options);
        time.Advance(TimeSpan.FromSeconds(3));

        var e = await Assert.ThrowsAsync<ModbusTransportException>(() => connecting.Within());
        Assert.Equal($"Modbus link to 127.0.0.1:{port}: no connection within 3000 ms", e.Message);
    }

    [Fact]
    public async Task Our_slave_restarted_on_the_same_port_is_found_again_by_the_next_request()
    {
        var bank = new FormationControl.Modbus.Slave.RegisterBank(10, [1]);
        var first = new FormationControl.Modbus.Slave.ModbusTcpSlave(bank);
        IPEndPoint endpoint = first.Start(new IPEndPoint(IPAddress.Loopback, 0));
        await using var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", endpoint.Port, new ModbusTcpMasterOptions { Timeout = TimeSpan.FromSeconds(5) });
        Assert.Equal(new ushort[] { 3 }, await master.ReadHoldingRegistersAsync(1, 3, 1).Within());

        await first.DisposeAsync().Within();
        await Assert.ThrowsAsync<ModbusTransportException>(() => master.ReadHoldingRegistersAsync(1, 3, 1).Within());
        await Assert.ThrowsAsync<ModbusTransportException>(() => master.ReadHoldingRegistersAsync(1, 3, 1).Within());

        await using var second = new FormationControl.Modbus.Slave.ModbusTcpSlave(bank);
        second.Start(endpoint);
        Assert.Equal(new ushort[] { 4 }, await master.ReadHoldingRegistersAsync(1, 4, 1).Within());
        Assert.True(master.Reconnects >= 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Bad_options_are_refused_by_name(int milliseconds)
    {
        var options = new ModbusTcpMasterOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds) };

        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ModbusTcpMaster.ConnectAsync("127.0.0.1", 502, options));

        Assert.Equal("Timeout", e.ParamName);
    }

    private static int FreePortNobodyListensOn()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
