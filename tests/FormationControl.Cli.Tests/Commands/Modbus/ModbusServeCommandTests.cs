using FormationControl.Cli.Tests.Support;
using System.IO.Ports;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Cli.Tests.Commands.Modbus;

public class ModbusServeCommandTests
{
    [Fact]
    public async Task Serves_the_register_bank_until_SIGTERM()
    {
        await using var fc = FcProcess.Start("modbus", "serve", "--tcp", "127.0.0.1:0", "--unit", "3", "--size", "50");
        string banner = await fc.FirstLineAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("serving unit 3 on 127.0.0.1:", banner);
        int port = int.Parse(banner.Split(':')[1].Split(' ')[0]);

        await using (var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", port))
        {
            Assert.Equal([49], await master.ReadHoldingRegistersAsync(3, 49, 1));
            Assert.Equal([10049], await master.ReadInputRegistersAsync(3, 49, 1));
        }

        fc.Terminate();
        Assert.Equal(0, await fc.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("stopped", fc.Stdout);
    }

    [Fact]
    public async Task Serves_RTU_on_a_serial_device_for_several_units()
    {
        await using var line = await SocatPair.StartAsync();
        await using var fc = FcProcess.Start("modbus", "serve", "--rtu", line.PortA, "--baud", "38400", "--parity", "odd", "--stop", "1", "--unit", "3", "--unit", "4", "--size", "50");
        string banner = await fc.FirstLineAsync(TimeSpan.FromSeconds(60));
        Assert.Equal($"serving units 3, 4 on {line.PortA} (38400 baud 8O1) (Ctrl+C to stop)", banner);

        await using (var master = ModbusRtuMaster.Open(line.PortB, new SerialLineSettings(38400, Parity.Odd), new ModbusRtuMasterOptions { Timeout = TimeSpan.FromSeconds(5) }))
        {
            Assert.Equal([49], await master.ReadHoldingRegistersAsync(3, 49, 1));
            await master.WriteSingleRegisterAsync(4, 1, 999);
            Assert.Equal([999, 2], await master.ReadHoldingRegistersAsync(4, 1, 2));
        }

        fc.Terminate();
        Assert.Equal(0, await fc.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("stopped", fc.Stdout);
    }

    [Fact]
    public async Task A_serial_device_that_cannot_be_opened_exits_3()
    {
        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "serve", "--rtu", "/nonexistent/ttyFC");

        Assert.Equal(3, code);
        Assert.Contains("/nonexistent/ttyFC", stderr);
    }

    [Theory]
    [InlineData("modbus", "serve", "--tcp", "127.0.0.1:0", "--rtu", "/dev/null")]
    [InlineData("modbus", "serve", "--size", "0")]
    [InlineData("modbus", "serve", "--tcp", "nowhere")]
    public async Task Usage_errors_exit_1(params string[] args)
    {
        var (code, _, _) = await FcProcess.RunAsync(args);

        Assert.Equal(1, code);
    }
}
