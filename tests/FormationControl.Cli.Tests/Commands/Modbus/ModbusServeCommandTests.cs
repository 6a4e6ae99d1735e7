using FormationControl.Cli.Tests.Support;
using FormationControl.Modbus.Master;

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
}
