using System.Net;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Slave;

/// <summary>Our slave driven by raw sockets (hand-made bytes, independent of our master) and by many clients.</summary>
public sealed class ModbusTcpSlaveTests : IAsyncLifetime
{
    private const byte Unit = 1;
    private readonly RegisterBank _bank = new(100, [Unit]);
    private LoopbackSlave _slave = null!;

    public Task InitializeAsync()
    {
        _slave = LoopbackSlave.Start(_bank);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _slave.DisposeAsync();

    [Fact]
    public async Task Answers_a_hand_made_request_with_the_same_transaction_and_unit()
    {
        using var client = await RawModbusClient.ConnectAsync(_slave.EndPoint);

        await client.SendAsync(ScriptedSlave.Frame(0xABCD, Unit, 0x03, 0x00, 0x05, 0x00, 0x02));
        var response = await client.ReadFrameAsync();

        Assert.Equal(0xABCD, response.TransactionId);
        Assert.Equal(Unit, response.UnitId);
        Assert.Equal("030400050006", Convert.ToHexString(response.Pdu));
    }

    [Theory]
    [InlineData("07", "8701")] // unsupported function: 1
    [InlineData("0300000000", "8303")] // quantity 0: 3
    [InlineData("030000007E", "8303")] // quantity 126: 3
    [InlineData("0300630002", "8302")] // past the bank's end: 2
    public async Task Answers_bad_requests_with_exception_responses(string request, string response)
    {
        using var client = await RawModbusClient.ConnectAsync(_slave.EndPoint);

        await client.SendAsync(ScriptedSlave.Frame(9, Unit, Convert.FromHexString(request)));

        Assert.Equal(response, Convert.ToHexString((await client.ReadFrameAsync()).Pdu));
    }

    [Fact]
    public async Task Does_not_answer_a_unit_the_store_does_not_serve()
    {
        using var client = await RawModbusClient.ConnectAsync(_slave.EndPoint);

        // Unit 2 first, then unit 1: the only answer is the one for unit 1.
        await client.SendAsync([
            .. ScriptedSlave.Frame(1, 2, 0x03, 0x00, 0x00, 0x00, 0x01),
            .. ScriptedSlave.Frame(2, Unit, 0x03, 0x00, 0x00, 0x00, 0x01)]);

        var response = await client.ReadFrameAsync();
        Assert.Equal(2, response.TransactionId);
    }

    [Fact]
    public async Task Answers_pipelined_requests_in_order()
    {
        using var client = await RawModbusClient.ConnectAsync(_slave.EndPoint);

        await client.SendAsync([.. Enumerable.Range(0, 20).SelectMany(i => ScriptedSlave.Frame((ushort)i, Unit, 0x04, 0x00, (byte)i, 0x00, 0x01))]);

        for (int i = 0; i < 20; i++)
        {
            var response = await client.ReadFrameAsync();
            Assert.Equal(i, response.TransactionId);
            Assert.Equal($"0402{10000 + i:X4}", Convert.ToHexString(response.Pdu));
        }
    }

    [Fact]
    public async Task Skips_garbage_and_bad_headers_and_keeps_serving_that_client()
    {
        using var client = await RawModbusClient.ConnectAsync(_slave.EndPoint);

        await client.SendAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray());
        await client.SendAsync(Convert.FromHexString("0001000500060103000A0001")); // protocol id 5
        await client.SendAsync(Convert.FromHexString("000200000101")); // length 257
        await client.SendAsync(ScriptedSlave.Frame(77, Unit, 0x03, 0x00, 0x01, 0x00, 0x01));

        var response = await client.ReadFrameAsync();
        Assert.Equal(77, response.TransactionId);
        Assert.Equal("03020001", Convert.ToHexString(response.Pdu));
    }

    [Fact]
    public async Task A_misbehaving_client_does_not_disturb_another()
    {
        using var vandal = await RawModbusClient.ConnectAsync(_slave.EndPoint);
        await using var master = await _slave.ConnectAsync();

        await vandal.SendAsync(new byte[1000]); // zeros: length 0 headers, dropped byte by byte
        await vandal.SendAsync(Convert.FromHexString("0001000000FE01")); // a frame that never completes
        vandal.Dispose();

        Assert.Equal(new ushort[] { 10042 }, await master.ReadInputRegistersAsync(Unit, 42, 1).Within());
    }

    [Fact]
    public async Task Serves_many_masters_at_once()
    {
        var masters = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _slave.ConnectAsync()));
        try
        {
            await Task.WhenAll(masters.Select((master, m) => Task.Run(async () =>
            {
                // Each master owns register 50 + m and reads the untouched registers 0..49.
                for (int i = 0; i < 20; i++)
                {
                    ushort value = (ushort)((i * 1000) + m);
                    await master.WriteSingleRegisterAsync(Unit, (ushort)(50 + m), value);
                    Assert.Equal(new[] { value }, await master.ReadHoldingRegistersAsync(Unit, (ushort)(50 + m), 1));
                    ushort address = (ushort)(((m * 3) + i) % 41);
                    Assert.Equal(Enumerable.Range(address, 10).Select(a => (ushort)a), await master.ReadHoldingRegistersAsync(Unit, address, 10));
                }
            }))).Within();
            Assert.Equal(12, _slave.Slave.ConnectionCount);
        }
        finally
        {
            foreach (var master in masters)
            {
                await master.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Refuses_connections_beyond_its_limit()
    {
        await using var slave = new ModbusTcpSlave(_bank, new ModbusTcpSlaveOptions { MaxConnections = 1 });
        IPEndPoint endPoint = slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
        await using var first = await ModbusTcpMaster.ConnectAsync("127.0.0.1", endPoint.Port).Within();
        await first.WriteSingleCoilAsync(Unit, 0, true).Within(); // the first connection is being served

        using var second = await RawModbusClient.ConnectAsync(endPoint);

        Assert.True(await second.IsClosedBySlaveAsync());
        Assert.Equal(1, slave.ConnectionCount);
    }

    [Fact]
    public async Task Stop_closes_client_connections_and_can_be_repeated()
    {
        using var client = await RawModbusClient.ConnectAsync(_slave.EndPoint);
        await client.SendAsync(ScriptedSlave.Frame(1, Unit, 0x03, 0x00, 0x00, 0x00, 0x01));
        await client.ReadFrameAsync();

        await _slave.Slave.StopAsync().Within();
        await _slave.Slave.StopAsync().Within();

        Assert.True(await client.IsClosedBySlaveAsync());
        Assert.Equal(0, _slave.Slave.ConnectionCount);
    }

    [Fact]
    public async Task Binding_a_port_in_use_names_the_endpoint()
    {
        await using var other = new ModbusTcpSlave(_bank);

        var e = Assert.Throws<IOException>(() => other.Start(_slave.EndPoint));

        Assert.Contains(_slave.EndPoint.ToString(), e.Message);
        Assert.Contains("AddressAlreadyInUse", e.Message);
    }
}
