using System.Net;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;

namespace FormationControl.Modbus.Tests.Support;

/// <summary>Our slave on 127.0.0.1 with a free port, over a <see cref="RegisterBank"/> (or another store).</summary>
internal sealed class LoopbackSlave : IAsyncDisposable
{
    private LoopbackSlave(IModbusDataStore store, ModbusTcpSlaveOptions? options)
    {
        Slave = new ModbusTcpSlave(store, options);
        EndPoint = Slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public ModbusTcpSlave Slave { get; }

    public IPEndPoint EndPoint { get; }

    public static LoopbackSlave Start(IModbusDataStore store, ModbusTcpSlaveOptions? options = null) => new(store, options);

    /// <summary>Connects our master; unless the test sets its own, with a timeout generous enough for a loaded machine.</summary>
    public Task<ModbusTcpMaster> ConnectAsync(ModbusTcpMasterOptions? options = null) =>
        ModbusTcpMaster.ConnectAsync("127.0.0.1", EndPoint.Port, options ?? new ModbusTcpMasterOptions { Timeout = TimeSpan.FromSeconds(5) }).Within();

    public async ValueTask DisposeAsync() => await Slave.DisposeAsync().Within();
}
