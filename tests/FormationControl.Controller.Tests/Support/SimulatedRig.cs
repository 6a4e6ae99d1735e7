using System.Net;
using FormationControl.Controller.Channels;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Controller.Recovery;
using FormationControl.Core.Profiles;
using FormationControl.Core.Time;
using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Support;

/// <summary>
/// One simulated unit behind a real Modbus TCP slave on loopback, a real master and driver, a real LiteDB
/// store, and a virtual clock shared by controller and simulator.
/// </summary>
internal sealed class SimulatedRig : IAsyncDisposable
{
    private readonly ModbusTcpSlave _slave;
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-rig-").FullName;
    private IPEndPoint _endpoint = null!;
    private TimeSpan _timeout;

    private SimulatedRig(int channels, int seed)
    {
        Clock = new VirtualClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        Map = RegisterMapLoader.Load(RepositoryPaths.SimMap);
        Unit = new SimulatedCyclerUnit(Map, 1, new CellPopulation(channels, 100, seed).Cells, Clock);
        Cable = new UnpluggableStore(Unit);
        _slave = new ModbusTcpSlave(Cable);
        Store = FormationStore.Open(Path.Combine(_dir, "rig.db"), TimeProvider.System);
        Journal = new StoreJournal(Store);
    }

    public VirtualClock Clock { get; }

    public RegisterMap Map { get; }

    public SimulatedCyclerUnit Unit { get; }

    public UnpluggableStore Cable { get; }

    public FormationStore Store { get; }

    public StoreJournal Journal { get; private set; }

    public IModbusMaster Master { get; private set; } = null!;

    public UnitSupervisor Supervisor { get; private set; } = null!;

    public RackPoller Poller { get; private set; } = null!;

    public static async Task<SimulatedRig> StartAsync(int channels, int seed = 1, TimeSpan? timeout = null)
    {
        var rig = new SimulatedRig(channels, seed);
        rig._endpoint = rig._slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
        rig._timeout = timeout ?? TimeSpan.FromSeconds(2);
        await rig.ConnectAsync(channels);
        return rig;
    }

    /// <summary>
    /// A controller killed and started again: its connection closes, its supervisor, poller and journal are dropped
    /// without another write, and new ones over the same store and unit reattach the open runs.
    /// </summary>
    public async Task<IReadOnlyList<RecoveredRun>> RestartControllerAsync(string unitName = "U01", bool restoreFaults = false)
    {
        await Master.DisposeAsync();
        Journal = new StoreJournal(Store);
        await ConnectAsync(Unit.ChannelCount, unitName);
        return await RunRecovery.ReattachAsync(Store, [Supervisor], Journal, Clock, CancellationToken.None, restoreFaults);
    }

    private async Task ConnectAsync(int channels, string unitName = "U01")
    {
        Master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", _endpoint.Port, new ModbusTcpMasterOptions { Timeout = _timeout });
        Supervisor = new UnitSupervisor(unitName, new CyclerDriver(Master, Map, 1, channels));
        Poller = new RackPoller([Supervisor], Journal, Clock);
    }

    public async Task<ChannelRun> AttachAsync(int channel, Profile profile)
    {
        string cell = $"CELL-{channel + 1:D3}";
        await Store.SaveProfileAsync(StoredProfileReader.ToRecord(profile, Clock.GetUtcNow()));
        long id = await Store.StartRunAsync(new RunRecord(0, cell, "LOT-1", "U01", channel + 1, profile.Name, profile.Version, profile.Hash, Clock.GetUtcNow(), null, RunStatus.Running, null));
        var run = new ChannelRun(id, cell, profile, Journal);
        Supervisor.Attach(channel, run);
        return run;
    }

    /// <summary>Polls and advances virtual time until every run finished or the limit passed.</summary>
    public async Task RunUntilFinishedAsync(TimeSpan poll, TimeSpan limit)
    {
        for (var t = TimeSpan.Zero; !Poller.AllFinished && t < limit; t += poll)
        {
            await Poller.PollOnceAsync(CancellationToken.None);
            Clock.Advance(poll);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Master.DisposeAsync();
        await _slave.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
