using FormationControl.Cli.Commands.Modbus;
using FormationControl.Cli.Tests.Support;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Cli.Tests.Commands.Modbus;

public class ModbusWriteCommandTests
{
    [Fact]
    public async Task Writes_several_registers_in_one_request()
    {
        await using var slave = new TestSlave();
        var (code, stdout, stderr) = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--unit", "1", "--address", "10", "--values", "1234,5678,9");

        Assert.True(code == 0, stderr);
        Assert.Contains("wrote 3 register(s) from 10", stdout);
        var read = new ushort[3];
        Assert.Null(slave.Bank.ReadRegisters(1, ModbusTable.HoldingRegisters, 10, read));
        Assert.Equal([1234, 5678, 9], read);
    }

    [Fact]
    public async Task Writes_a_single_register()
    {
        await using var slave = new TestSlave();
        var (code, _, _) = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--address", "0", "--values", "65535");

        Assert.Equal(0, code);
        var read = new ushort[1];
        slave.Bank.ReadRegisters(1, ModbusTable.HoldingRegisters, 0, read);
        Assert.Equal(65535, read[0]);
    }

    [Fact]
    public async Task Writing_past_the_bank_exits_2()
    {
        await using var slave = new TestSlave(size: 20);
        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--address", "19", "--values", "1,2");
        Assert.Equal(2, code);
        Assert.Contains("IllegalDataAddress", stderr);
    }

    [Theory]
    [InlineData("1,x,3", "'x' (value 2)")]
    [InlineData("70000", "'70000' (value 1)")]
    [InlineData(" , ", "no values")]
    public void Bad_values_are_named(string text, string expected)
    {
        Assert.False(ModbusWriteCommand.TryParseValues(text, out _, out string error));
        Assert.Contains(expected, error);
    }
}
