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
    public async Task A_slave_that_hangs_up_fails_this_and_later_requests_with_a_transport_error()
    {
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        Task reading = master.ReadHoldingRegistersAsync(1, 0, new ushort[1]).AsTask();
        await peer.ReadRequestAsync();
        peer.Hangup();

        var e = await Assert.ThrowsAsync<ModbusTransportException>(() => reading.Within());
        Assert.Contains($"127.0.0.1:{peer.Port}", e.Message);
        var again = await Assert.ThrowsAsync<ModbusTransportException>(() => master.ReadHoldingRegistersAsync(1, 0, 1).Within());
        Assert.Contains("failed earlier", again.Message);
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
