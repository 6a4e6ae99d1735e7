using System.Net;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Tests.Support;

/// <summary>A simulated cycler unit (unit id 1, real time) served over Modbus TCP on a free loopback port for a test's child processes.</summary>
internal sealed class LoopbackCyclerUnit : IAsyncDisposable
{
    private readonly ModbusTcpSlave _slave;

    public LoopbackCyclerUnit(int channels = 4, int seed = 3)
    {
        var map = RegisterMapLoader.Load(MapPath);
        Unit = new SimulatedCyclerUnit(map, 1, new CellPopulation(channels, 100, seed).Cells, TimeProvider.System);
        _slave = new ModbusTcpSlave(Unit);
        Port = _slave.Start(new IPEndPoint(IPAddress.Loopback, 0)).Port;
    }

    /// <summary>The register map the unit serves, as a rack file names it.</summary>
    public static string MapPath => RepositoryFiles.Path("profiles", "devices", "sim-cycler-v1.json");

    public SimulatedCyclerUnit Unit { get; }

    public int Port { get; }

    public ValueTask DisposeAsync() => _slave.DisposeAsync();
}
