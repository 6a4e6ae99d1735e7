using System.IO.Ports;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;

namespace FormationControl.Cli.Tests.Commands.Modbus;

/// <summary>Our RTU slave over a register bank on one end of a socat line; fc talks to <see cref="Device"/>, the other end.</summary>
internal sealed class RtuTestSlave : IAsyncDisposable
{
    private readonly SocatPair _line;
    private readonly ModbusRtuSlave _slave;

    private RtuTestSlave(SocatPair line, RegisterBank bank)
    {
        _line = line;
        Bank = bank;
        _slave = new ModbusRtuSlave(bank);
        _slave.Start(line.PortA, new SerialLineSettings(115200, Parity.None));
    }

    public RegisterBank Bank { get; }

    /// <summary>The device fc opens (at 115200 baud 8N1).</summary>
    public string Device => _line.PortB;

    public static async Task<RtuTestSlave> StartAsync(int size = 100, byte unit = 1) =>
        new(await SocatPair.StartAsync(), new RegisterBank(size, [unit]));

    public async ValueTask DisposeAsync()
    {
        await _slave.DisposeAsync();
        await _line.DisposeAsync();
    }
}
