using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Interop;

/// <summary>mbpoll (a libmodbus master nobody here wrote) against our slave. References are 1-based: -r 1 is address 0.</summary>
public sealed class MbpollTests : IAsyncLifetime
{
    private const byte Unit = 5;
    private readonly RegisterBank _bank = new(100, [Unit]);
    private LoopbackSlave _slave = null!;

    private int Port => _slave.EndPoint.Port;

    public Task InitializeAsync()
    {
        _slave = LoopbackSlave.Start(_bank);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _slave.DisposeAsync();

    [Fact]
    public async Task Reads_holding_registers()
    {
        var result = await Mbpoll.RunAsync(Port, ["-a", "5", "-r", "11", "-c", "10", "-1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Enumerable.Range(11, 10).ToDictionary(r => r, r => r - 1), result.Values);
    }

    [Fact]
    public async Task Reads_input_registers()
    {
        var result = await Mbpoll.RunAsync(Port, ["-a", "5", "-t", "3", "-r", "96", "-c", "5", "-1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Enumerable.Range(96, 5).ToDictionary(r => r, r => 10000 + r - 1), result.Values);
    }

    [Fact]
    public async Task Reads_discrete_inputs()
    {
        _bank.SetBit(Unit, ModbusTable.DiscreteInputs, 2, true);

        var result = await Mbpoll.RunAsync(Port, ["-a", "5", "-t", "1", "-r", "1", "-c", "4", "-1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 1, [4] = 0 }, result.Values);
    }

    [Fact]
    public async Task Writes_holding_registers()
    {
        var several = await Mbpoll.RunAsync(Port, ["-a", "5", "-r", "21"], "1234", "5678", "65535");
        var single = await Mbpoll.RunAsync(Port, ["-a", "5", "-r", "31"], "4321");

        Assert.True(several.ExitCode == 0, several.ToString());
        Assert.True(single.ExitCode == 0, single.ToString());
        Assert.Equal(1234, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 20));
        Assert.Equal(5678, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 21));
        Assert.Equal(65535, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 22));
        Assert.Equal(23, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 23));
        Assert.Equal(4321, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 30));
    }

    [Fact]
    public async Task Writes_and_reads_coils()
    {
        var write = await Mbpoll.RunAsync(Port, ["-a", "5", "-t", "0", "-r", "41"], "1", "0", "1", "1");
        var read = await Mbpoll.RunAsync(Port, ["-a", "5", "-t", "0", "-r", "40", "-c", "6", "-1"]);

        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Equal(new[] { true, false, true, true }, Enumerable.Range(40, 4).Select(a => _bank.GetBit(Unit, ModbusTable.Coils, (ushort)a)));
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal(new Dictionary<int, int> { [40] = 0, [41] = 1, [42] = 0, [43] = 1, [44] = 1, [45] = 0 }, read.Values);
    }

    [Fact]
    public async Task Illegal_address_fails_with_exit_code_1_and_the_exception_named()
    {
        var result = await Mbpoll.RunAsync(Port, ["-a", "5", "-r", "95", "-c", "10", "-1"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Illegal data address", result.Stderr);
    }
}
