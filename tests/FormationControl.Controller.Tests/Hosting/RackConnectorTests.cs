using System.IO.Ports;
using System.Net;
using FormationControl.Controller.Hosting;
using FormationControl.Controller.Tests.Support;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Rack;

namespace FormationControl.Controller.Tests.Hosting;

/// <summary>RackConnector against simulated units behind real Modbus TCP slaves on loopback and a real RTU slave on a socat pty pair.</summary>
public sealed class RackConnectorTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fc-connector-").FullName;
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_tcp_unit_is_connected_its_watchdog_set_and_it_polls()
    {
        var unit = TestRacks.Unit(1);
        int port = ServeTcp(unit);
        var config = TestRacks.Load(_folder, TestRacks.UnitJson("U01", TestRacks.Tcp(port), 1));

        var (rack, problems) = await RackConnector.ConnectAsync(config, RackConnectMode.Strict, TimeProvider.System);
        await using var _ = rack!;

        Assert.Empty(problems);
        Assert.Equal(7, TestRacks.WatchdogSeconds(unit), 3);
        Assert.True(rack!.Units[0].WatchdogSet);
        await rack.Supervisors[0].PollAsync(DateTimeOffset.UtcNow, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(rack.Supervisors[0].LastError);
        Assert.Equal(2, rack.Supervisors[0].LastSnapshot!.Channels.Count);
    }

    [Fact]
    public async Task Strict_mode_names_the_unreachable_unit_with_its_address_and_returns_no_rack()
    {
        int live = ServeTcp(TestRacks.Unit(1));
        int dead = TestRacks.FreePort();
        var config = TestRacks.Load(_folder, TestRacks.UnitJson("U01", TestRacks.Tcp(live), 1), TestRacks.UnitJson("U02", TestRacks.Tcp(dead), 1));

        var (rack, problems) = await RackConnector.ConnectAsync(config, RackConnectMode.Strict, TimeProvider.System);

        Assert.Null(rack);
        string problem = Assert.Single(problems);
        Assert.StartsWith($"unit U02 at tcp://127.0.0.1:{dead} cannot be reached: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tolerant_mode_reports_the_unreachable_unit_and_keeps_it_in_the_rack_as_offline()
    {
        int live = ServeTcp(TestRacks.Unit(1));
        int dead = TestRacks.FreePort();
        var config = TestRacks.Load(_folder, TestRacks.UnitJson("U01", TestRacks.Tcp(live), 1), TestRacks.UnitJson("U02", TestRacks.Tcp(dead), 1));

        var (rack, problems) = await RackConnector.ConnectAsync(config, RackConnectMode.Tolerant, TimeProvider.System);
        await using var _ = rack!;

        Assert.StartsWith($"unit U02 at tcp://127.0.0.1:{dead} cannot be reached: ", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Equal(["U01", "U02"], rack!.Units.Select(u => u.Name));
        Assert.True(rack.Units[0].WatchdogSet);
        Assert.False(rack.Units[1].WatchdogSet);
        await rack.Supervisors[1].PollAsync(DateTimeOffset.UtcNow, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, rack.Supervisors[1].FailedPolls);
        Assert.Contains("not connected (retrying every poll)", rack.Supervisors[1].LastError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_on_one_serial_line_share_one_master_and_both_answer()
    {
        var line = await SocatPair.StartAsync();
        _owned.Add(line);
        var first = TestRacks.Unit(1);
        var second = TestRacks.Unit(2);
        var slave = new ModbusRtuSlave(new SimulatedRack([first, second]));
        _owned.Add(slave);
        slave.Start(line.PortA, new SerialLineSettings(115200, Parity.None));
        var config = TestRacks.Load(_folder,
            TestRacks.UnitJson("U01", TestRacks.Serial(line.PortB), 1), TestRacks.UnitJson("U02", TestRacks.Serial(line.PortB), 2));

        var (rack, problems) = await RackConnector.ConnectAsync(config, RackConnectMode.Strict, TimeProvider.System);
        await using var _ = rack!;

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Single(rack!.Links);
        Assert.Equal(7, TestRacks.WatchdogSeconds(first), 3);
        Assert.Equal(7, TestRacks.WatchdogSeconds(second), 3);
        // Both units poll at once through the one master; a pty may lose an odd frame, so up to three polls.
        for (int i = 0; i < 3 && rack.Supervisors.Any(s => s.LastSnapshot is null); i++)
        {
            await Task.WhenAll(rack.Supervisors.Select(s => s.PollAsync(DateTimeOffset.UtcNow, CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.All(rack.Supervisors, s => Assert.True(s.LastSnapshot is { Channels.Count: 2 }, $"{s.Name}: {s.LastError}"));
    }

    [Fact]
    public async Task A_serial_device_that_cannot_be_opened_is_named_for_every_unit_on_it()
    {
        string device = Path.Combine(_folder, "no-such-tty");
        var config = TestRacks.Load(_folder, TestRacks.UnitJson("U01", TestRacks.Serial(device), 1), TestRacks.UnitJson("U02", TestRacks.Serial(device), 2));

        var (rack, problems) = await RackConnector.ConnectAsync(config, RackConnectMode.Strict, TimeProvider.System);

        Assert.Null(rack);
        Assert.Equal(2, problems.Count);
        Assert.StartsWith($"unit U01 at {device} 115200 8N1 cannot be reached: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith($"unit U02 at {device} 115200 8N1 cannot be reached: ", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_units_on_one_device_with_different_line_settings_are_refused_naming_both()
    {
        string device = Path.Combine(_folder, "tty");
        string other = $$"""{ "type": "serial", "device": "{{device}}", "baudRate": 9600, "parity": "even" }""";
        var config = TestRacks.Load(_folder, TestRacks.UnitJson("U01", TestRacks.Serial(device), 1), TestRacks.UnitJson("U02", other, 2));

        var (rack, problems) = await RackConnector.ConnectAsync(config, RackConnectMode.Tolerant, TimeProvider.System);

        Assert.Null(rack);
        Assert.Equal($"units U01 and U02 share serial device {device} with different line settings ({device} 115200 8N1 and {device} 9600 8E1); one line has one setting", Assert.Single(problems));
    }

    private int ServeTcp(FormationControl.Modbus.Slave.IModbusDataStore store)
    {
        var slave = new ModbusTcpSlave(store);
        _owned.Add(slave);
        return slave.Start(new IPEndPoint(IPAddress.Loopback, 0)).Port;
    }
}
