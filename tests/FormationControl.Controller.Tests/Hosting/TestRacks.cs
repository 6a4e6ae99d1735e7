using System.Net;
using System.Net.Sockets;
using FormationControl.Controller.Configuration;
using FormationControl.Controller.Tests.Support;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;

namespace FormationControl.Controller.Tests.Hosting;

/// <summary>Rack configurations written as files and loaded by the real loader, and simulated units to put behind them.</summary>
internal static class TestRacks
{
    public static RegisterMap Map { get; } = RegisterMapLoader.Load(RepositoryPaths.SimMap);

    /// <summary>A simulated unit with <paramref name="channels"/> fresh cells on the real clock.</summary>
    public static SimulatedCyclerUnit Unit(byte unitId, int channels = 2) =>
        new(Map, unitId, new CellPopulation(channels, 100, unitId).Cells, TimeProvider.System);

    /// <summary>A "units" entry: <paramref name="transport"/> is the transport's JSON.</summary>
    public static string UnitJson(string name, string transport, int unitId, int channels = 2) =>
        $$"""{ "name": "{{name}}", "transport": {{transport}}, "unitId": {{unitId}}, "registerMap": "{{RepositoryPaths.SimMap.Replace("\\", "/", StringComparison.Ordinal)}}", "channels": {{channels}} }""";

    public static string Tcp(int port) => $$"""{ "type": "tcp", "host": "127.0.0.1", "port": {{port}} }""";

    public static string Serial(string device) => $$"""{ "type": "serial", "device": "{{device}}", "baudRate": 115200, "parity": "none" }""";

    public static RackConfig Load(string folder, params string[] units)
    {
        string json = $$"""
            {
              "name": "hosting-rack", "pollInterval": "1 s", "requestTimeout": "500 ms", "connectTimeout": "1 s", "watchdogPeriod": "7 s",
              "storage": "rack.db",
              "units": [ {{string.Join(",\n", units)}} ]
            }
            """;
        var loaded = RackConfigLoader.Parse(json, "rack.json", folder);
        Assert.True(loaded.Config is not null, string.Join("\n", loaded.Diagnostics));
        return loaded.Config;
    }

    /// <summary>A loopback port nothing listens on right now (taken from the OS, then released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The watchdog period the unit holds, as the controller wrote it.</summary>
    public static double WatchdogSeconds(SimulatedCyclerUnit unit)
    {
        var field = Map.UnitField("watchdogPeriod");
        var registers = new ushort[field.Length];
        Assert.Null(unit.ReadRegisters(unit.UnitId, ModbusTable.HoldingRegisters, field.Offset, registers));
        return field.Decode(registers);
    }
}
