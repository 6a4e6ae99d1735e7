using System.IO.Ports;
using System.Net;
using FormationControl.Devices.Cycler;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Rack;

/// <summary>
/// Simulated units on real transports: several units behind one TCP port, one port per unit, and several units
/// sharing one RTU line (a socat pty pair), read by our master and driver and by mbpoll.
/// </summary>
public sealed class SimulatedRackOverModbusTests
{
    private const ushort VendorCode = 0x4643;

    [Fact]
    public async Task Several_units_behind_one_tcp_port_answer_by_unit_id_to_our_driver()
    {
        var sim = new SimulatedUnits(units: 3, channels: 8);
        await using var slave = new ModbusTcpSlave(sim.Rack);
        var endpoint = slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
        await using var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", endpoint.Port).Within();
        var drivers = sim.Units.Select(u => new CyclerDriver(master, TestMaps.SimCyclerV1, u.UnitId, u.ChannelCount)).ToList();

        await drivers[1].StartStepAsync(5, new StepCommand(ChannelMode.DischargeCc, CurrentA: 20, CutoffVoltageV: 3.0)).AsTask().Within();
        sim.Clock.Advance(TimeSpan.FromMinutes(10));
        var snapshots = new List<UnitSnapshot>();
        foreach (var driver in drivers)
        {
            snapshots.Add(await driver.ReadAsync().AsTask().Within());
        }

        Assert.All(snapshots, s => Assert.Equal(TimeSpan.FromMinutes(10), s.DeviceTime));
        var running = snapshots[1].Channels[5];
        Assert.Equal(ChannelDeviceState.Running, running.State);
        Assert.Equal(-20, running.CurrentA, 3);
        Assert.Equal(-20.0 * 600 / 3600, running.StepAh, 4);
        Assert.Equal(sim.Units[1].ReadChannelState(5).VoltageV, running.VoltageV, 0.0001);
        Assert.Equal(ChannelDeviceState.Idle, snapshots[0].Channels[5].State);
        Assert.Equal(ChannelDeviceState.Idle, snapshots[2].Channels[5].State);
    }

    [Fact]
    public async Task Mbpoll_reads_the_identity_of_each_unit_behind_one_tcp_port()
    {
        string mbpoll = ExternalProgram.Find("mbpoll", "/usr/bin/mbpoll", "apt-get install -y mbpoll");
        var sim = new SimulatedUnits(units: 2, channels: 4);
        await using var slave = new ModbusTcpSlave(sim.Rack);
        var endpoint = slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
        foreach (var unit in sim.Units)
        {
            var (code, stdout, stderr) = await ExternalProgram.RunAsync(mbpoll, "-m", "tcp", "-p", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-a", unit.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "3", "-r", "1", "-c", "3", "-1", "127.0.0.1");
            Assert.True(code == 0, $"mbpoll failed: {stdout}\n{stderr}");
            Assert.Equal([VendorCode, 1, 4], MbpollValues(stdout));
        }

        // A unit that is not there is not answered (mbpoll gives up).
        var missing = await ExternalProgram.RunAsync(mbpoll, "-m", "tcp", "-p", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-a", "9", "-t", "3", "-r", "1", "-c", "1", "-o", "0.3", "-1", "127.0.0.1");
        Assert.NotEqual(0, missing.ExitCode);
    }

    [Fact]
    public async Task One_port_per_unit_serves_each_unit_on_its_own_endpoint()
    {
        var sim = new SimulatedUnits(units: 2, channels: 2);
        var slaves = sim.Units.Select(u => new ModbusTcpSlave(u)).ToList();
        try
        {
            var endpoints = slaves.Select(s => s.Start(new IPEndPoint(IPAddress.Loopback, 0))).ToList();
            for (int u = 0; u < 2; u++)
            {
                await using var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", endpoints[u].Port).Within();
                Assert.Equal([VendorCode, 1, 2], await master.ReadInputRegistersAsync(sim.Units[u].UnitId, 0, 3).Within());
            }
        }
        finally
        {
            foreach (var slave in slaves)
            {
                await slave.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Several_units_share_one_rtu_line_read_by_our_master_and_by_mbpoll()
    {
        string mbpoll = ExternalProgram.Find("mbpoll", "/usr/bin/mbpoll", "apt-get install -y mbpoll");
        var sim = new SimulatedUnits(units: 2, channels: 3);
        await using var line = await SocatPair.StartAsync();
        var settings = new SerialLineSettings(115200, Parity.Even);
        await using var slave = new ModbusRtuSlave(sim.Rack);
        slave.Start(line.PortA, settings);

        await using (var master = ModbusRtuMaster.Open(line.PortB, settings, new ModbusRtuMasterOptions { Timeout = TimeSpan.FromSeconds(2) }))
        {
            var driver = new CyclerDriver(master, TestMaps.SimCyclerV1, 2, 3);
            await driver.StartStepAsync(1, new StepCommand(ChannelMode.ChargeCc, CurrentA: 15, CutoffVoltageV: 4.1)).AsTask().Within();
            sim.Clock.Advance(TimeSpan.FromSeconds(90));
            var snapshot = await driver.ReadAsync().AsTask().Within();
            Assert.Equal(15, snapshot.Channels[1].CurrentA, 3);
            Assert.Equal(90, snapshot.Channels[1].StepTimeS, 2);
            Assert.Equal([VendorCode, 1, 3], await master.ReadInputRegistersAsync(1, 0, 3).Within());
        }

        // Channel 1 of unit 2: input address 1000 + 20, reference 1021 in mbpoll's 1-based numbering.
        var (code, stdout, stderr) = await ExternalProgram.RunAsync(mbpoll, "-m", "rtu", "-b", "115200", "-P", "even", "-a", "2", "-t", "3", "-r", "1021", "-c", "3", "-o", "2", "-1", line.PortB);
        Assert.True(code == 0, $"mbpoll failed: {stdout}\n{stderr}");
        var values = MbpollValues(stdout);
        Assert.Equal((ushort)ChannelDeviceState.Running, values[0]);
        Assert.Equal(1, values[1]);
        Assert.Equal((ushort)ChannelMode.ChargeCc, values[2]);
    }

    /// <summary>The values mbpoll printed, as lines "[ref]: value".</summary>
    private static List<ushort> MbpollValues(string stdout) =>
        [.. stdout.Split('\n')
            .Where(l => l.TrimStart().StartsWith('['))
            .Select(l => ushort.Parse(l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))];
}
