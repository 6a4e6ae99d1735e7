using System.IO.Ports;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Interop;

/// <summary>libmodbus's client (tools/peers/libmodbus_client.c) against our slaves, over TCP and RTU.</summary>
public class LibmodbusClientTests
{
    private const byte Unit = 9;

    // Every function, then an exception; each line is what libmodbus decoded.
    private static readonly string[] Commands =
    [
        "rh", "0", "125",
        "ri", "3", "4",
        "wc", "40", "1",
        "wcs", "50", "1,0,1,1,0,0,0,0,1",
        "rc", "38", "21",
        "rd", "0", "4",
        "wr", "60", "65535",
        "wrs", "61", "1,2,3",
        "wrr", "70", "11,12", "69", "4",
        "rh", "60", "4",
        "rh", "195", "10",
        "rc", "0", "2001",
    ];

    [Fact]
    public async Task Speaks_every_function_with_our_TCP_slave()
    {
        RegisterBank bank = Bank();
        await using var slave = LoopbackSlave.Start(bank);

        var result = await LibmodbusClient.RunTcpAsync(slave.EndPoint.Port, Unit, Commands);

        Check(result, bank);
    }

    [Theory]
    [InlineData(Parity.Even, StopBits.One, 'E', 1)]
    [InlineData(Parity.None, StopBits.Two, 'N', 2)]
    public async Task Speaks_every_function_with_our_RTU_slave(Parity parity, StopBits stopBits, char parityLetter, int stop)
    {
        RegisterBank bank = Bank();
        await using var pair = await SocatPair.StartAsync();
        await using var slave = new ModbusRtuSlave(bank);
        slave.Start(pair.PortA, new SerialLineSettings(57600, parity, stopBits));

        var result = await LibmodbusClient.RunRtuAsync(pair.PortB, 57600, parityLetter, stop, Unit, Commands);

        Check(result, bank);
    }

    [Fact]
    public async Task Our_RTU_slave_keeps_silent_for_another_unit_so_libmodbus_times_out()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var slave = new ModbusRtuSlave(Bank());
        slave.Start(pair.PortA, new SerialLineSettings(115200, Parity.None));

        var result = await LibmodbusClient.RunRtuAsync(pair.PortB, 115200, 'N', 1, 10, "rh", "0", "1");

        Assert.Equal("rh 0: error Connection timed out", result.Line("rh 0:"));
        Assert.Equal(1, slave.FramesIgnored);
    }

    private static RegisterBank Bank()
    {
        var bank = new RegisterBank(200, [Unit]);
        bank.SetBit(Unit, ModbusTable.DiscreteInputs, 1, true);
        return bank;
    }

    private static void Check(PeerRun.Result result, RegisterBank bank)
    {
        Assert.True(result.ExitCode == 2, result.ToString()); // two commands fail on purpose
        Assert.Equal("rh 0: " + string.Join(' ', Enumerable.Range(0, 125)), result.Line("rh 0:"));
        Assert.Equal("ri 3: 10003 10004 10005 10006", result.Line("ri 3:"));
        Assert.Equal("wc 40: ok", result.Line("wc 40:"));
        Assert.Equal("wcs 50: ok", result.Line("wcs 50:"));
        Assert.Equal("rc 38: 0 0 1 0 0 0 0 0 0 0 0 0 1 0 1 1 0 0 0 0 1", result.Line("rc 38:"));
        Assert.Equal("rd 0: 0 1 0 0", result.Line("rd 0:"));
        Assert.Equal("wr 60: ok", result.Line("wr 60:"));
        Assert.Equal("wrs 61: ok", result.Line("wrs 61:"));
        Assert.Equal("wrr 69: 69 11 12 72", result.Line("wrr 69:"));
        Assert.Equal("rh 60: 65535 1 2 3", result.Line("rh 60:"));
        Assert.Equal("rh 195: exception 2", result.Line("rh 195:"));
        Assert.StartsWith("rc 0: error", result.Line("rc 0:")); // libmodbus itself refuses 2001 coils
        Assert.Equal(65535, bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 60));
        Assert.True(bank.GetBit(Unit, ModbusTable.Coils, 58));
    }
}
