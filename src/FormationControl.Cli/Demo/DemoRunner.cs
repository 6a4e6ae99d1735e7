using System.Net;
using FormationControl.Controller.Channels;
using FormationControl.Controller.Grading;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Core.Time;
using FormationControl.Devices.Cycler;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;
using FormationControl.Simulator.Rack;
using FormationControl.Storage;

namespace FormationControl.Cli.Demo;

/// <summary>
/// The demo: simulated cycler units served over Modbus TCP on loopback, the controller polling them in
/// virtual time (the clock moves only once a poll cycle's work is committed), then grading.
/// The controller side is exactly what runs against hardware; only the clock and the units are simulated.
/// </summary>
public static class DemoRunner
{
    public static async Task<DemoResult> RunAsync(DemoOptions options, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        long wallStart = TimeProvider.System.GetTimestamp();
        var start = TimeProvider.System.GetUtcNow();
        var clock = new VirtualClock(new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        var profile = options.Profile;
        string lot = $"DEMO-{options.Seed}-{clock.GetUtcNow():yyyyMMddHHmmss}";

        var population = new CellPopulation(options.Cells, profile.Cell.NominalCapacityAh, options.Seed, options.Population);
        int unitCount = (options.Cells + options.ChannelsPerUnit - 1) / options.ChannelsPerUnit;
        var units = new List<SimulatedCyclerUnit>();
        for (int u = 0; u < unitCount; u++)
        {
            int first = u * options.ChannelsPerUnit;
            var cells = population.Slice(first, Math.Min(options.ChannelsPerUnit, options.Cells - first));
            units.Add(new SimulatedCyclerUnit(options.Map, (byte)(u + 1), cells, clock));
        }

        var slave = new ModbusTcpSlave(new SimulatedRack(units));
        await using var slaveScope = slave.ConfigureAwait(false);
        var endpoint = slave.Start(new IPEndPoint(IPAddress.Loopback, 0));

        var store = FormationStore.Open(options.DbPath, TimeProvider.System);
        await using var storeScope = store.ConfigureAwait(false);
        var journal = new StoreJournal(store);
        var masters = new List<IModbusMaster>();
        try
        {
            var supervisors = new List<UnitSupervisor>();
            for (int u = 0; u < unitCount; u++)
            {
                // Timeouts run on the system clock: the virtual one only moves between polls.
                var master = await ModbusTcpMaster.ConnectAsync(endpoint.Address.ToString(), endpoint.Port, new ModbusTcpMasterOptions(), cancellationToken).ConfigureAwait(false);
                masters.Add(master);
                var driver = new CyclerDriver(master, options.Map, (byte)(u + 1), units[u].ChannelCount);
                await driver.ConfigureWatchdogAsync(options.WatchdogPeriod, cancellationToken).ConfigureAwait(false);
                supervisors.Add(new UnitSupervisor($"U{u + 1:D2}", driver));
            }

            var cellIds = new string[options.Cells];
            for (int i = 0; i < options.Cells; i++)
            {
                int u = i / options.ChannelsPerUnit, ch = i % options.ChannelsPerUnit;
                cellIds[i] = $"DEMO{options.Seed % 1_000_000:D6}{i + 1:D8}";
                long runId = await store.StartRunAsync(
                    new RunRecord(0, cellIds[i], lot, supervisors[u].Name, ch + 1, profile.Name, profile.Version, profile.Hash, clock.GetUtcNow(), null, RunStatus.Running, null),
                    cancellationToken).ConfigureAwait(false);
                supervisors[u].Attach(ch, new ChannelRun(runId, cellIds[i], profile, journal));
            }

            var poller = new RackPoller(supervisors, journal, clock);
            var limit = (profile.Safety.MaxTotalDuration ?? TimeSpan.FromDays(7)) + TimeSpan.FromHours(1);
            var simulated = TimeSpan.Zero;
            double reportedHour = 0;
            while (!poller.AllFinished && simulated <= limit)
            {
                await poller.PollOnceAsync(cancellationToken).ConfigureAwait(false);
                clock.Advance(options.PollInterval);
                simulated += options.PollInterval;
                if (progress is not null && simulated.TotalHours >= reportedHour + 1)
                {
                    reportedHour = Math.Floor(simulated.TotalHours);
                    int finished = supervisors.Sum(s => s.Runs.Values.Count(r => r.IsFinished));
                    progress.Report(new DemoProgress(simulated.TotalHours, options.Cells - finished, finished, options.Cells));
                }
            }

            await store.FlushAsync(cancellationToken).ConfigureAwait(false);
            var grader = options.Recipe is null ? null : new RunGrader(store, options.Recipe, clock);
            var results = new List<DemoCellResult>();
            foreach (var run in store.GetRuns().Where(r => r.Lot == lot).OrderBy(r => r.Id))
            {
                int index = Array.IndexOf(cellIds, run.CellId);
                var truth = units[index / options.ChannelsPerUnit].TruthOf(index % options.ChannelsPerUnit);
                var grade = grader is null ? null : await grader.GradeAsync(run, cancellationToken).ConfigureAwait(false);
                results.Add(new DemoCellResult(
                    run.CellId, run.UnitName, run.Channel, run.Status.ToString(), grade?.CapacityAh, truth.CapacityAh,
                    grade?.Grade ?? "-", grade?.Reason ?? run.EndNote ?? ""));
            }

            return Summarise(options, results, simulated, TimeProvider.System.GetElapsedTime(wallStart), poller.Cycles, lot);
        }
        finally
        {
            foreach (var master in masters)
            {
                await master.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static DemoResult Summarise(DemoOptions options, List<DemoCellResult> cells, TimeSpan simulated, TimeSpan wall, long cycles, string lot)
    {
        var capacities = cells.Where(c => c.CapacityAh is not null).Select(c => c.CapacityAh!.Value).ToList();
        double? mean = capacities.Count > 0 ? capacities.Average() : null;
        double? std = capacities.Count > 1 ? Math.Sqrt(capacities.Sum(c => (c - mean!.Value) * (c - mean.Value)) / (capacities.Count - 1)) : null;
        double? maxError = capacities.Count > 0
            ? cells.Where(c => c.CapacityAh is not null).Max(c => Math.Abs(c.CapacityAh!.Value - c.TrueCapacityAh) / c.TrueCapacityAh * 100)
            : null;
        var grades = cells.GroupBy(c => c.Grade).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new DemoResult(
            cells.Count, cells.Count(c => c.Status == nameof(RunStatus.Completed)), grades, mean, std, maxError,
            simulated.TotalHours, wall.TotalSeconds, cycles, lot, options.Profile.Name, options.Profile.Hash,
            options.Recipe?.Name ?? "-", Path.GetFullPath(options.DbPath), cells);
    }
}
