using System.IO.Ports;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Interop;

/// <summary>Our masters against libmodbus's server (tools/peers/libmodbus_server.c), over TCP and RTU.</summary>
public class LibmodbusServerTests
{
    private const int Size = 4000;

    // Functional tests, not timing ones: a loaded machine must not turn them into timeouts.
    private static readonly ModbusTcpMasterOptions Generous = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Our_TCP_master_speaks_every_function_with_it()
    {
        await using var server = await LibmodbusServer.StartTcpAsync(Size);
        await using var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", server.Port, Generous).Within();

        await PeerConformance.RunAsync(master, 1, Size);
    }

    [Fact]
    public async Task Our_pipelining_TCP_master_gets_every_answer_to_the_right_caller()
    {
        await using var server = await LibmodbusServer.StartTcpAsync(Size);
        await using var master = await ModbusTcpMaster.ConnectAsync(
            "127.0.0.1", server.Port, new ModbusTcpMasterOptions { MaxOutstandingRequests = 8, Timeout = TimeSpan.FromSeconds(5) }).Within();

        // Many callers at once, each reading a different window: any answer given to the wrong caller shows.
        ushort[][] results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => master.ReadHoldingRegistersAsync(1, (ushort)(i * 7), (ushort)(1 + (i % 125))))).Within();

        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(Enumerable.Range(i * 7, 1 + (i % 125)).Select(PeerData.Holding), results[i]);
        }
    }

    [Theory]
    [InlineData(Parity.None, StopBits.One, 'N', 1)]
    [InlineData(Parity.Even, StopBits.One, 'E', 1)]
    [InlineData(Parity.Odd, StopBits.One, 'O', 1)]
    [InlineData(Parity.None, StopBits.Two, 'N', 2)]
    public async Task Our_RTU_master_speaks_every_function_with_it_in_each_character_format(Parity parity, StopBits stopBits, char parityLetter, int stop)
    {
        await using var pair = await SocatPair.StartAsync();
        await using var server = await LibmodbusServer.StartRtuAsync(pair.PortA, 19200, parityLetter, stop, 17, Size);
        await using var master = ModbusRtuMaster.Open(pair.PortB, new SerialLineSettings(19200, parity, stopBits), new ModbusRtuMasterOptions { InterFrameDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) });

        await PeerConformance.RunAsync(master, 17, Size);
    }

    [Fact]
    public async Task A_broadcast_write_reaches_the_RTU_server_and_a_unit_it_does_not_serve_times_out()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var server = await LibmodbusServer.StartRtuAsync(pair.PortA, 115200, 'N', 1, 17, Size);
        await using var master = ModbusRtuMaster.Open(
            pair.PortB, new SerialLineSettings(115200, Parity.None), new ModbusRtuMasterOptions { Timeout = TimeSpan.FromSeconds(5) });

        await master.WriteSingleRegisterAsync(0, 10, 4242).Within();
        Assert.Equal(new ushort[] { 4242 }, await master.ReadHoldingRegistersAsync(17, 10, 1).Within());

        // Last: libmodbus then takes the next frame on the line for the other unit's answer and ignores it.
        // Silence: nothing within a second (the master's own timeout is generous so that the answers above never miss it).
        using var second = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => master.ReadHoldingRegistersAsync(18, 0, 1, second.Token).Within());
    }
}
