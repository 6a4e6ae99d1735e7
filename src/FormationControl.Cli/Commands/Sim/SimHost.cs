using System.Globalization;
using System.Net;
using FormationControl.Cli.Commands.Modbus;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Faults;
using FormationControl.Simulator.Meter;
using FormationControl.Simulator.Population;
using FormationControl.Simulator.Rack;

namespace FormationControl.Cli.Commands.Sim;

/// <summary>
/// Runs <c>fc sim</c>: starts the transports (Modbus TCP, Modbus RTU, the meter's serial line), prints where they
/// listen (the TCP endpoint first), serves until stopped, then stops them in order.
/// </summary>
internal sealed class SimHost(SimBuild build, FaultPlan plan, TextWriter output)
{
    private readonly List<IAsyncDisposable> _started = [];

    /// <summary>Starts everything; an <see cref="IOException"/> (a port in use, a device that cannot open) leaves nothing running.</summary>
    public async Task StartAsync()
    {
        var settings = build.Settings;
        var rack = new SimulatedRack(build.Units);
        string units = settings.Units == 1 ? "unit 1" : $"units 1-{settings.Units}";
        try
        {
            if (settings.TcpHost is { } host)
            {
                if (settings.PortPerUnit)
                {
                    foreach (var unit in build.Units)
                    {
                        int port = settings.TcpPort == 0 ? 0 : settings.TcpPort + unit.UnitId - 1;
                        var bound = ServeTcp(unit, TcpEndpoint.ToBindEndpoint(host, port));
                        output.WriteLine($"tcp {bound} unit {unit.UnitId}");
                    }
                }
                else
                {
                    var bound = ServeTcp(rack, TcpEndpoint.ToBindEndpoint(host, settings.TcpPort));
                    output.WriteLine($"tcp {bound} {units}");
                }
            }

            if (settings.RtuDevice is { } device)
            {
                var line = new SerialLineSettings(settings.Baud, settings.Parity);
                var slave = new ModbusRtuSlave(settings.Faults.Count > 0 ? new FaultyDataStore(rack, plan) : rack);
                _started.Add(slave);
                slave.Start(device, line);
                output.WriteLine($"rtu {device} {line} {units}");
            }

            if (settings.MeterDevice is { } meterDevice)
            {
                var meter = new SimulatedMeter(build.Units, MeterOptions.Default with { Seed = settings.Seed });
                var server = new MeterSerialServer(meter);
                _started.Add(server);
                server.Start(meterDevice, settings.MeterBaud);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"meter {meterDevice} {settings.MeterBaud} baud 8N1 channels 1-{meter.ChannelCount}"));
            }
        }
        catch
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops what was started, newest first.</summary>
    public async ValueTask StopAsync()
    {
        for (int i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].DisposeAsync().ConfigureAwait(false);
        }

        _started.Clear();
    }

    // With link faults, the slave listens privately and a faulty proxy takes the public endpoint.
    private IPEndPoint ServeTcp(IModbusDataStore store, IPEndPoint endpoint)
    {
        var slave = new ModbusTcpSlave(store);
        _started.Add(slave);
        if (!plan.HasLinkFaults)
        {
            return slave.Start(endpoint);
        }

        var inner = slave.Start(new IPEndPoint(endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        var proxy = new FaultyTcpProxy(inner, plan);
        _started.Add(proxy);
        return proxy.Start(endpoint);
    }
}
