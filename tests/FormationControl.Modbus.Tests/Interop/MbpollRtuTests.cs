using System.IO.Ports;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;

namespace FormationControl.Modbus.Tests.Interop;

/// <summary>mbpoll (a libmodbus master) against our RTU slave on a socat pty pair. References are 1-based.</summary>
#pragma warning disable CA1001 // xunit disposes the slave through IAsyncLifetime.DisposeAsync
public sealed class MbpollRtuTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const byte Unit = 12;
    private readonly RegisterBank _bank = new(100, [Unit]);
    private SocatPair _pair = null!;
    private ModbusRtuSlave _slave = null!;

    public async Task InitializeAsync()
    {
        _pair = await SocatPair.StartAsync();
        _slave = new ModbusRtuSlave(_bank);
        _slave.Start(_pair.PortA, new SerialLineSettings(19200, Parity.Even)); // mbpoll's default parity
    }

    public async Task DisposeAsync()
    {
        await _slave.DisposeAsync();
        await _pair.DisposeAsync();
    }

    [Fact]
    public async Task Reads_holding_and_input_registers()
    {
        var holding = await Mbpoll.RunRtuAsync(_pair.PortB, 19200, "even", ["-a", "12", "-r", "11", "-c", "10", "-1"]);
        var input = await Mbpoll.RunRtuAsync(_pair.PortB, 19200, "even", ["-a", "12", "-t", "3", "-r", "96", "-c", "5", "-1"]);

        Assert.True(holding.ExitCode == 0, holding.ToString());
        Assert.Equal(Enumerable.Range(11, 10).ToDictionary(r => r, r => r - 1), holding.Values);
        Assert.True(input.ExitCode == 0, input.ToString());
        Assert.Equal(Enumerable.Range(96, 5).ToDictionary(r => r, r => 10000 + r - 1), input.Values);
    }

    [Fact]
    public async Task Writes_registers_and_coils()
    {
        var registers = await Mbpoll.RunRtuAsync(_pair.PortB, 19200, "even", ["-a", "12", "-r", "21"], "1234", "5678");
        var coils = await Mbpoll.RunRtuAsync(_pair.PortB, 19200, "even", ["-a", "12", "-t", "0", "-r", "41"], "1", "0", "1");
        var discrete = await Mbpoll.RunRtuAsync(_pair.PortB, 19200, "even", ["-a", "12", "-t", "1", "-r", "1", "-c", "3", "-1"]);

        Assert.True(registers.ExitCode == 0, registers.ToString());
        Assert.True(coils.ExitCode == 0, coils.ToString());
        Assert.True(discrete.ExitCode == 0, discrete.ToString());
        Assert.Equal(1234, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 20));
        Assert.Equal(5678, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 21));
        Assert.Equal(new[] { true, false, true }, Enumerable.Range(40, 3).Select(a => _bank.GetBit(Unit, ModbusTable.Coils, (ushort)a)));
        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 0 }, discrete.Values);
    }

    [Fact]
    public async Task Illegal_address_is_reported_by_mbpoll()
    {
        var result = await Mbpoll.RunRtuAsync(_pair.PortB, 19200, "even", ["-a", "12", "-r", "95", "-c", "10", "-1"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Illegal data address", result.Stderr);
    }
}
