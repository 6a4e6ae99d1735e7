using System.Net;
using FormationControl.Controller.Channels;
using FormationControl.Controller.Grading;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Core.Profiles;
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
/// The demo: simulated cycler units served over Modbus TCP on loopback, the controller polling them in virtual time
/// (the clock moves only once a poll cycle's work is committed) through formation and a storage charge; then ageing
/// (the clock jumps days ahead, the real meter driver measures OCV and ACIR twice), lot grading, and the handoff to
/// the packing line. The controller side is exactly what runs against hardware; only the clock, the units and the
/// meter are simulated.
/// </summary>
public static class DemoRunner
{
    public static async Task<DemoResult> RunAsync(DemoOptions options, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
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

        var demoCells = Enumerable.Range(0, options.Cells)
            .Select(i => new DemoCell(i, $"DEMO{options.Seed % 1_000_000:D6}{i + 1:D8}", units[i / options.ChannelsPerUnit], i % options.ChannelsPerUnit))
            .ToList();

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

            var poller = new RackPoller(supervisors, journal, clock);
            var simulated = TimeSpan.Zero;
            var formation = await StartRunsAsync(store, journal, supervisors, demoCells, profile, lot, clock, cancellationToken).ConfigureAwait(false);
            simulated += await PollUntilFinishedAsync(poller, formation.Values, clock, options, profile, "formation", progress, simulated, cancellationToken).ConfigureAwait(false);
            var formed = demoCells.Where(c => formation[c.Index].State == ChannelState.Completed).ToList();

            DemoAgeingSummary? ageing = null;
            IReadOnlyDictionary<string, AgeingTruth> ageingTruth = new Dictionary<string, AgeingTruth>();
            if (options.Ages && formed.Count > 0)
            {
                if (options.StorageProfile is { } storage)
                {
                    var charging = await StartRunsAsync(store, journal, supervisors, formed, storage, lot, clock, cancellationToken).ConfigureAwait(false);
                    simulated += await PollUntilFinishedAsync(poller, charging.Values, clock, options, storage, "storage-charge", progress, simulated, cancellationToken).ConfigureAwait(false);
                }

                await store.FlushAsync(cancellationToken).ConfigureAwait(false);
                var before = clock.GetUtcNow();
                (ageing, ageingTruth) = await DemoAgeing.RunAsync(
                    store, clock, units, formed, options, options.StorageProfile?.Name ?? "-", progress, simulated, cancellationToken).ConfigureAwait(false);
                simulated += clock.GetUtcNow() - before;
            }

            await store.FlushAsync(cancellationToken).ConfigureAwait(false);
            LotGrading? grading = null;
            DemoHandoffSummary? handoff = null;
            if (options.Recipe is { } recipe)
            {
                grading = (await new LotGrader(store, clock).GradeAsync(lot, recipe, cancellationToken).ConfigureAwait(false)).Grading;
                handoff = await DemoHandoff.RunAsync(store, grading, options.Outbox, options.Handoff, clock, cancellationToken).ConfigureAwait(false);
            }

            var grades = grading?.Grades.ToDictionary(g => g.CellId, StringComparer.Ordinal) ?? [];
            var runs = store.GetRunsOfLot(lot).Where(r => r.ProfileHash == profile.Hash).ToDictionary(r => r.CellId, StringComparer.Ordinal);
            var results = new List<DemoCellResult>(demoCells.Count);
            foreach (var cell in demoCells)
            {
                var run = runs[cell.CellId];
                var truth = cell.Unit.TruthOf(cell.Channel);
                var grade = grades.GetValueOrDefault(cell.CellId);
                bool aged = ageingTruth.TryGetValue(cell.CellId, out var agedTruth);
                results.Add(new DemoCellResult(
                    run.CellId, run.UnitName, run.Channel, run.Status.ToString(), grade?.CapacityAh,
                    truth.CapacityAh, grade?.Grade ?? "-", grade?.Reason ?? run.EndNote ?? "")
                {
                    Defect = GroundTruthFile.DefectName(truth.Defect),
                    RejectCodes = grade?.RejectCodes ?? [],
                    AcirOhm = grade?.AcirOhm,
                    TrueAcirOhm = aged ? agedTruth.R0Ohm : null,
                    KMvPerDay = grade?.KMvPerDay,
                    TrueKMvPerDay = aged ? agedTruth.KMvPerDay : null,
                    SelfDischargePercentPerDay = truth.SelfDischargeA * 24 / truth.CapacityAh * 100,
                });
            }

            var result = Summarise(options, results, simulated, TimeProvider.System.GetElapsedTime(wallStart), poller.Cycles, lot);
            return result with
            {
                Ageing = ageing,
                LotVersion = grading?.Version,
                Handoff = handoff,
                Accuracy = options.Recipe is null ? null : DemoScore.Of(results, options.Recipe),
            };
        }
        finally
        {
            foreach (var master in masters)
            {
                await master.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts a run of <paramref name="profile"/> on each cell's channel; returns the runs by cell index.</summary>
    private static async Task<Dictionary<int, ChannelRun>> StartRunsAsync(
        FormationStore store, StoreJournal journal, List<UnitSupervisor> supervisors, IReadOnlyList<DemoCell> cells, Profile profile, string lot,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<int, ChannelRun>(cells.Count);
        foreach (var cell in cells)
        {
            var supervisor = supervisors[cell.Unit.UnitId - 1];
            long runId = await store.StartRunAsync(
                new RunRecord(0, cell.CellId, lot, supervisor.Name, cell.Channel + 1, profile.Name, profile.Version, profile.Hash, clock.GetUtcNow(), null, RunStatus.Running, null),
                cancellationToken).ConfigureAwait(false);
            // Transitions are checkpointed as always; the periodic checkpoint (1 min by default, one per channel and
            // minute in production) would come every few polls in virtual time and double the demo's wall time.
            var run = new ChannelRun(runId, cell.CellId, profile, journal) { CheckpointInterval = TimeSpan.FromHours(1) };
            supervisor.Attach(cell.Channel, run);
            runs[cell.Index] = run;
        }

        return runs;
    }

    /// <summary>Polls until every attached run has finished (or the profile's time is well over); returns the virtual time it took.</summary>
    private static async Task<TimeSpan> PollUntilFinishedAsync(
        RackPoller poller, IReadOnlyCollection<ChannelRun> runs, VirtualClock clock, DemoOptions options, Profile profile, string phase,
        IProgress<DemoProgress>? progress, TimeSpan before, CancellationToken cancellationToken)
    {
        var limit = (profile.Safety.MaxTotalDuration ?? TimeSpan.FromDays(7)) + TimeSpan.FromHours(1);
        var simulated = TimeSpan.Zero;
        double reportedHour = Math.Floor(before.TotalHours);
        int cells = runs.Count;
        while (!poller.AllFinished && simulated <= limit)
        {
            await poller.PollOnceAsync(cancellationToken).ConfigureAwait(false);
            clock.Advance(options.PollInterval);
            simulated += options.PollInterval;
            double hours = (before + simulated).TotalHours;
            if (progress is not null && hours >= reportedHour + 1)
            {
                reportedHour = Math.Floor(hours);
                int finished = runs.Count(r => r.IsFinished);
                progress.Report(new DemoProgress(hours, cells - finished, finished, cells, phase));
            }
        }

        return simulated;
    }

    private static DemoResult Summarise(DemoOptions options, List<DemoCellResult> cells, TimeSpan simulated, TimeSpan wall, long cycles, string lot)
    {
        var capacities = cells.Where(c => c.CapacityAh is not null).Select(c => c.CapacityAh!.Value).ToList();
        double? mean = capacities.Count > 0 ? capacities.Average() : null;
        double? std = capacities.Count > 1 ? Math.Sqrt(capacities.Sum(c => (c - mean!.Value) * (c - mean.Value)) / (capacities.Count - 1)) : null;
        var good = cells.Where(c => c.CapacityAh is not null && c.Defect == "none").ToList();
        double? maxError = good.Count > 0 ? good.Max(c => Math.Abs(c.CapacityAh!.Value - c.TrueCapacityAh) / c.TrueCapacityAh * 100) : null;
        var grades = cells.GroupBy(c => c.Grade).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new DemoResult(
            cells.Count, cells.Count(c => c.Status == nameof(RunStatus.Completed)), grades, mean, std, maxError,
            simulated.TotalHours, wall.TotalSeconds, cycles, lot, options.Profile.Name, options.Profile.Hash,
            options.Recipe?.Name ?? "-", Path.GetFullPath(options.DbPath), cells);
    }
}
