using System.IO.Ports;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Interop;

/// <summary>Our RTU master against pymodbus's RTU server on a socat pty pair.</summary>
public class PymodbusRtuServerTests
{
    private const int Size = 4000;

    [Fact]
    public async Task Our_RTU_master_speaks_every_function_with_it()
    {
        await using var pair = await SocatPair.StartAsync();
        // 8N1: pyserial's tcsetattr refuses parity on a pty here (EINVAL), so pymodbus runs without it.
        await using var server = await PymodbusServer.StartRtuAsync(pair.PortA, 38400, 'N', 1, 4, Size);
        await using var master = ModbusRtuMaster.Open(
            pair.PortB, new SerialLineSettings(38400, Parity.None), new ModbusRtuMasterOptions { Timeout = TimeSpan.FromSeconds(3) });

        await PeerConformance.RunAsync(master, 4, Size);
    }

    [Fact]
    public async Task Our_TCP_master_speaks_every_function_with_the_TCP_server_too()
    {
        await using var server = await PymodbusServer.StartTcpAsync(4, Size);
        await using var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", server.Port, new ModbusTcpMasterOptions { Timeout = TimeSpan.FromSeconds(3) }).Within();

        await PeerConformance.RunAsync(master, 4, Size);
    }
}
