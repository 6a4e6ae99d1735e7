using System.Net;
using FormationControl.Controller.Channels;
using FormationControl.Controller.Hosting;
using FormationControl.Controller.Operations;
using FormationControl.Controller.Tests.Support;
using FormationControl.Core.Profiles;
using FormationControl.Modbus.Slave;
using FormationControl.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Controller.Tests.Hosting;

/// <summary>
/// RackService on a virtual poll clock (each cycle is one <see cref="FakeTimeProvider.Advance"/>) over real loopback
/// Modbus TCP to simulated units and a real LiteDB store.
/// </summary>
public sealed class RackServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string _folder = Directory.CreateTempSubdirectory("fc-service-").FullName;
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));

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
    public async Task A_unit_that_comes_up_later_goes_online_gets_its_watchdog_and_both_changes_are_reported()
    {
        var late = TestRacks.Unit(1);
        int port = TestRacks.FreePort();
        var config = TestRacks.Load(_folder, TestRacks.UnitJson("U01", TestRacks.Tcp(ServeTcp(TestRacks.Unit(1))), 1), TestRacks.UnitJson("U02", TestRacks.Tcp(port), 1));
        var changes = new List<UnitLinkChange>(); // written by the poll loop, read here after it reported
        var (service, stop, loop) = await StartAsync(config, changes.Add);

        var status = service.Status;
        Assert.False(status.Units[1].Online);
        Assert.Contains("not connected", status.Units[1].LastError, StringComparison.Ordinal);

        ServeTcp(late, port);
        for (int i = 0; i < 50 && !status.Units[1].Online; i++)
        {
            status = await CycleAsync(service);
        }

        Assert.True(status.Units[1].Online, $"U02 still offline: {status.Units[1].LastError}");
        Assert.True(status.Units[1].WatchdogSet);
        Assert.Equal(7, TestRacks.WatchdogSeconds(late), 3);
        Assert.Equal([false, true], changes.Where(c => c.Unit == "U02").Select(c => c.Online));
        Assert.True(changes.Last(c => c.Unit == "U01").Online); // online from the start (a first answer lost under load shows as a blip)
        Assert.Equal(status.Cycles, service.Poller.Cycles);
        Assert.Null(changes[^1].Error);
        await StopAsync(stop, loop);
    }

    [Fact]
    public async Task A_start_through_the_service_shows_in_the_status_and_is_audited_after_a_stop()
    {
        var config = TestRacks.Load(_folder, TestRacks.UnitJson("U01", TestRacks.Tcp(ServeTcp(TestRacks.Unit(1))), 1));
        var (service, stop, loop) = await StartAsync(config);

        var request = new StartRequest(ProfileLoader.Parse(TestProfiles.TwoStepJson, "two-step.json"), [2], new Dictionary<int, string> { [2] = "CELL-B" }, Engineering: true, Lot: "LOT-7");
        var start = service.Operations.StartAsync(request, new OperatorIdentity("Erik", OperatorRole.Engineer));
        RackStatus status;
        do
        {
            status = await CycleAsync(service);
        }
        while (!start.IsCompleted);

        var outcome = Assert.Single(await start);
        Assert.True(outcome.Accepted, outcome.Detail);
        status = await CycleAsync(service);
        var channel = status.Channels[1];
        Assert.Equal((2, "U01", 2, "CELL-B", outcome.RunId), (channel.Channel, channel.Unit, channel.UnitChannel, channel.Cell, channel.RunId));
        Assert.Contains(channel.State, new[] { nameof(ChannelState.Starting), nameof(ChannelState.InStep) });
        Assert.Equal(("test-two-step 1.0.0", 1, "charge"), (channel.Profile, channel.Step, channel.StepLabel));
        Assert.InRange(channel.VoltageV!.Value, 2.0, 4.3);
        Assert.Equal("Idle", status.Channels[0].State);
        Assert.Null(status.Channels[0].RunId);

        var store = await StopAsync(stop, loop);
        var audit = Assert.Single(store.GetAudit());
        Assert.Equal(("Erik", "engineer", "start", "U01/2", true), (audit.Operator, audit.Role, audit.Action, audit.Target, audit.Accepted));
    }

    [Fact]
    public async Task The_startup_hook_runs_once_after_connecting_and_before_the_first_poll()
    {
        var config = TestRacks.Load(_folder, TestRacks.UnitJson("U01", TestRacks.Tcp(ServeTcp(TestRacks.Unit(1))), 1));
        var startup = new CountingStartup();
        var (service, stop, loop) = await StartAsync(config, startup: startup);

        await CycleAsync(service);

        Assert.Equal(1, startup.Calls);
        Assert.Equal(0, startup.CyclesSeen);
        Assert.Equal(["U01"], startup.Units);
        Assert.Same(service.Journal, startup.Journal);
        await StopAsync(stop, loop);
    }

    private async Task<(RackService Service, CancellationTokenSource Stop, Task Loop)> StartAsync(
        FormationControl.Controller.Configuration.RackConfig config, Action<UnitLinkChange>? changes = null, IRackStartup? startup = null)
    {
        var (rack, _) = await RackConnector.ConnectAsync(config, RackConnectMode.Tolerant, _time);
        _owned.Add(rack!);
        var store = FormationStore.Open(config.StoragePath, TimeProvider.System);
        _owned.Add(store);
        var service = new RackService(config, rack!, store, _time) { LinkChanged = changes, Startup = startup };
        _stores[service] = store;
        var stop = new CancellationTokenSource();
        var first = service.NextCycleAsync();
        var loop = service.RunAsync(stop.Token);
        await first.WaitAsync(Bound);
        return (service, stop, loop);
    }

    private readonly Dictionary<RackService, FormationStore> _stores = [];

    private async Task<RackStatus> CycleAsync(RackService service)
    {
        var next = service.NextCycleAsync();
        _time.Advance(Poll);
        return await next.WaitAsync(Bound);
    }

    private async Task<FormationStore> StopAsync(CancellationTokenSource stop, Task loop)
    {
        await stop.CancelAsync();
        await loop.WaitAsync(Bound);
        stop.Dispose();
        return _stores.Values.Single();
    }

    private int ServeTcp(IModbusDataStore store, int port = 0)
    {
        var slave = new ModbusTcpSlave(store);
        _owned.Add(slave);
        return slave.Start(new IPEndPoint(IPAddress.Loopback, port)).Port;
    }

    private sealed class CountingStartup : IRackStartup
    {
        public int Calls { get; private set; }

        public long CyclesSeen { get; private set; } = -1;

        public IReadOnlyList<string> Units { get; private set; } = [];

        public object? Journal { get; private set; }

        public Task RunAsync(RackStartupContext context, CancellationToken cancellationToken)
        {
            Calls++;
            CyclesSeen = context.Units[0].LastSnapshot is null ? 0 : 1;
            Units = [.. context.Units.Select(u => u.Name)];
            Journal = context.Journal;
            return Task.CompletedTask;
        }
    }
}
