using System.Net;
using FormationControl.Core.Time;
using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;

namespace FormationControl.Devices.Tests.Cycler;

/// <summary>The driver against a simulated unit served over real Modbus TCP on loopback.</summary>
public sealed class CyclerDriverTests : IAsyncLifetime
{
    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RegisterMap _map = RegisterMapLoader.Load(RepositoryFiles.Path("profiles", "devices", "sim-cycler-v1.json"));
    private SimulatedCyclerUnit _unit = null!;
    private ModbusTcpSlave _slave = null!;
    private ModbusTcpMaster _master = null!;
    private CyclerDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _unit = new SimulatedCyclerUnit(_map, 4, new CellPopulation(10, 100, 5).Cells, _clock);
        _slave = new ModbusTcpSlave(_unit);
        var endpoint = _slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
        _master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", endpoint.Port);
        _driver = new CyclerDriver(_master, _map, 4, 10);
    }

    public async Task DisposeAsync()
    {
        await _master.DisposeAsync();
        await _slave.DisposeAsync();
    }

    [Fact]
    public async Task One_poll_reads_every_channel_in_two_coalesced_requests_plus_the_clock()
    {
        Assert.Equal(3, _driver.ReadsPerPoll); // 10 channels x 20 registers: 6 + 4 channels, and the device clock
        _clock.Advance(TimeSpan.FromSeconds(90));

        var snapshot = await _driver.ReadAsync();

        Assert.Equal(TimeSpan.FromSeconds(90), snapshot.DeviceTime);
        Assert.Equal(10, snapshot.Channels.Count);
        Assert.All(snapshot.Channels, c =>
        {
            Assert.Equal(ChannelDeviceState.Idle, c.State);
            Assert.True(c.ContactOk);
            Assert.InRange(c.VoltageV, 2.5, 4.3);
        });
    }

    [Fact]
    public async Task A_started_step_runs_on_the_device_and_ends_at_its_cutoff()
    {
        await _driver.StartStepAsync(7, new StepCommand(ChannelMode.ChargeCc, CurrentA: 50, CutoffVoltageV: 3.6, CutoffTime: TimeSpan.FromHours(3)));
        _clock.Advance(TimeSpan.FromSeconds(10));
        var running = (await _driver.ReadAsync()).Channels[7];
        Assert.Equal(ChannelDeviceState.Running, running.State);
        Assert.Equal(1, running.StepSequence);
        Assert.Equal(ChannelMode.ChargeCc, running.ActiveMode);
        Assert.Equal(50, running.CurrentA, 3);
        Assert.Equal(10, running.StepTimeS, 2);
        Assert.Equal(50 * 10 / 3600.0, running.StepAh, 4);

        _clock.Advance(TimeSpan.FromHours(3));
        var done = (await _driver.ReadAsync()).Channels[7];
        Assert.Equal(ChannelDeviceState.StepComplete, done.State);
        Assert.Equal(DeviceEndReason.Voltage, done.EndReason);
        Assert.Equal(3.6, done.EndVoltageV!.Value, 3);
        Assert.Equal(50, done.EndCurrentA!.Value, 3);
        Assert.Equal(0, done.CurrentA, 3);
        Assert.Equal(done.StepTimeS * 50 / 3600, done.StepAh, 3);
        Assert.Equal(ChannelDeviceState.Idle, (await _driver.ReadAsync()).Channels[6].State);
    }

    [Fact]
    public async Task Stop_ends_the_step_with_reason_stopped()
    {
        await _driver.StartStepAsync(0, new StepCommand(ChannelMode.Rest, CutoffTime: TimeSpan.FromHours(1)));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _driver.StopAsync(0);

        var status = (await _driver.ReadAsync()).Channels[0];
        Assert.Equal(ChannelDeviceState.StepComplete, status.State);
        Assert.Equal(DeviceEndReason.Stopped, status.EndReason);
        Assert.Equal(60, status.StepTimeS, 2);
    }

    [Fact]
    public async Task The_watchdog_turns_the_output_off_when_the_heartbeat_stops()
    {
        await _driver.ConfigureWatchdogAsync(TimeSpan.FromSeconds(30));
        await _driver.HeartbeatAsync();
        await _driver.StartStepAsync(2, new StepCommand(ChannelMode.DischargeCc, CurrentA: 10, CutoffVoltageV: 2.8));
        _clock.Advance(TimeSpan.FromSeconds(20));
        await _driver.HeartbeatAsync();
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(ChannelDeviceState.Running, (await _driver.ReadAsync()).Channels[2].State);

        _clock.Advance(TimeSpan.FromMinutes(5));
        var status = (await _driver.ReadAsync()).Channels[2];
        Assert.Equal(DeviceEndReason.Watchdog, status.EndReason);
        Assert.Equal(50, status.StepTimeS, 1); // ended when the 30 s period expired after the last heartbeat
    }

    [Fact]
    public async Task A_channel_beyond_the_unit_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _driver.StopAsync(10).AsTask());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CyclerDriver(_master, _map, 4, _map.Channel.MaxChannels + 1));
    }
}
