using System.Globalization;
using FormationControl.Controller.Channels;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Master;
using FormationControl.Storage;
using CellProfile = FormationControl.Core.Profiles.Profile;

namespace FormationControl.ControllerBench;

/// <summary>
/// One scenario in real time: <c>fc sim</c> in a child process, the controller's own parts in this process (one
/// <see cref="ModbusTcpMaster"/> and <see cref="UnitSupervisor"/> per unit, a <see cref="RackPoller"/>, a LiteDB
/// <see cref="FormationStore"/>), every channel running <paramref name="profile"/>. Each cycle is timed from its
/// start until <see cref="RackPoller.PollOnceAsync"/> returns (its records committed).
/// </summary>
internal sealed class ControllerScenario(BenchArguments arguments, CellProfile profile, RegisterMap map, TimeProvider time, TextWriter log)
{
    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        string loadStart = LoadAverage.Read();
        string folder = Directory.CreateTempSubdirectory("fc-controller-bench-").FullName;
        try
        {
            var simulator = await SimulatorProcess.StartAsync(arguments.FcDll, scenario, arguments.PortPerUnit, TimeSpan.FromSeconds(60), time, cancellationToken).ConfigureAwait(false);
            Polled polled;
            await using (simulator.ConfigureAwait(false))
            {
                log.WriteLine($"{scenario.Name}: simulator pid {simulator.Id} on {string.Join(", ", simulator.Endpoints.Distinct())}; polling {arguments.Warmup.TotalSeconds:0} s warm-up + {arguments.Duration.TotalSeconds:0} s");
                polled = await PollAsync(scenario, simulator, Path.Combine(folder, "bench.db"), cancellationToken).ConfigureAwait(false);
            }

            string loadEnd = LoadAverage.Read();
            var stored = await StoredFigures.MeasureAsync(Path.Combine(folder, "bench.db"), polled.FirstRunId, time).ConfigureAwait(false);
            var synthetic = arguments.CurveHours > 0
                ? await SyntheticCurve.MeasureAsync(Path.Combine(folder, "curve.db"), arguments.CurveHours, time, cancellationToken).ConfigureAwait(false)
                : new CurveRead(0, double.NaN, double.NaN);
            return polled.ToResult(scenario, profile, arguments.FastPathMicroseconds, loadStart, loadEnd, stored, synthetic);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<Polled> PollAsync(Scenario scenario, SimulatorProcess simulator, string dbPath, CancellationToken cancellationToken)
    {
        var store = FormationStore.Open(dbPath, time);
        long committed = 0;
        store.Committed += (_, e) => Interlocked.Add(ref committed, e.Samples);
        var masters = new List<ModbusTcpMaster>();
        var storeScope = store.ConfigureAwait(false);
        try
        {
            var journal = new StoreJournal(store);
            var counting = new CountingJournal(journal);
            var supervisors = new List<UnitSupervisor>();
            var requests = new RequestTimes(1 << 20);
            for (int u = 0; u < scenario.Units; u++)
            {
                var endpoint = simulator.Endpoints[u];
                var options = new ModbusTcpMasterOptions { Timeout = TimeSpan.FromMilliseconds(500), ConnectTimeout = TimeSpan.FromSeconds(5) };
                if (arguments.FastPathMicroseconds is { } us)
                {
                    options.FastPathWait = TimeSpan.FromMicroseconds(us);
                }

                var master = await ModbusTcpMaster.ConnectAsync(endpoint.Address.ToString(), endpoint.Port, options, cancellationToken).ConfigureAwait(false);
                masters.Add(master);
                var driver = new CyclerDriver(new TimedMaster(master, requests, time), map, (byte)(u + 1), scenario.ChannelsPerUnit);
                await driver.ConfigureWatchdogAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                supervisors.Add(new UnitSupervisor($"U{u + 1:D2}", driver));
            }

            long[] runIds = await StartRunsAsync(store, scenario, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < runIds.Length; i++)
            {
                supervisors[i / scenario.ChannelsPerUnit].Attach(i % scenario.ChannelsPerUnit, new ChannelRun(runIds[i], CellId(i), profile, counting));
            }

            long baseline = await BaselineFileBytesAsync(scenario, Path.Combine(Path.GetDirectoryName(dbPath)!, "baseline.db"), cancellationToken).ConfigureAwait(false);
            var poller = new RackPoller(supervisors, journal, time);
            var polled = await LoopAsync(scenario, poller, simulator, counting, requests, () => Interlocked.Read(ref committed), cancellationToken).ConfigureAwait(false);
            polled = polled with { FirstRunId = runIds[0], BaselineFileBytes = baseline, FailedPolls = supervisors.Sum(s => s.FailedPolls) };
            polled = polled with
            {
                ChannelStates = string.Join(", ", supervisors.SelectMany(s => s.Runs.Values).GroupBy(r => r.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")),
                Reasons = supervisors.SelectMany(s => s.Runs.Values).Where(r => r.State == ChannelState.Faulted).Select(r => r.Reason ?? "").Distinct().Take(3).ToList(),
            };
            foreach (string reason in polled.Reasons)
            {
                log.WriteLine($"{scenario.Name}: faulted: {reason}");
            }

            long closeStart = time.GetTimestamp();
            foreach (var master in masters)
            {
                await master.DisposeAsync().ConfigureAwait(false);
            }

            masters.Clear();
            await store.DisposeAsync().ConfigureAwait(false);
            return polled with { StoreCloseMs = time.GetElapsedTime(closeStart).TotalMilliseconds };
        }
        finally
        {
            foreach (var master in masters)
            {
                await master.DisposeAsync().ConfigureAwait(false);
            }

            await storeScope.DisposeAsync();
        }
    }

    // The runs, all in one go: the store's writer commits them together.
    private async Task<long[]> StartRunsAsync(FormationStore store, Scenario scenario, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var starts = new Task<long>[scenario.Channels];
        for (int i = 0; i < starts.Length; i++)
        {
            int u = i / scenario.ChannelsPerUnit, ch = i % scenario.ChannelsPerUnit;
            starts[i] = store.StartRunAsync(
                new RunRecord(0, CellId(i), "BENCH", $"U{u + 1:D2}", ch + 1, profile.Name, profile.Version, profile.Hash, now, null, RunStatus.Running, null),
                cancellationToken);
        }

        return await Task.WhenAll(starts).ConfigureAwait(false);
    }

    // What the same runs take on disk without a sample, closed as the measured store will be: the base of "file growth".
    private async Task<long> BaselineFileBytesAsync(Scenario scenario, string dbPath, CancellationToken cancellationToken)
    {
        var store = FormationStore.Open(dbPath, time);
        await using (store.ConfigureAwait(false))
        {
            _ = await StartRunsAsync(store, scenario, cancellationToken).ConfigureAwait(false);
        }

        return StoredFigures.FileBytesOf(dbPath);
    }

    private static string CellId(int index) => string.Create(CultureInfo.InvariantCulture, $"BENCH{index + 1:D8}");

    private async Task<Polled> LoopAsync(Scenario scenario, RackPoller poller, SimulatorProcess simulator, CountingJournal counting, RequestTimes requests, Func<long> committed, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var withoutSlowestRequest = new List<double>();
        var unitPolls = new List<double>();
        var drains = new List<double>();
        var withStepResults = new List<bool>();
        var cpu = new List<double>();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        double firstCycle = double.NaN;
        long started = time.GetTimestamp();
        ProcessReading? windowStart = null;
        TimeSpan simulatorStart = TimeSpan.Zero;
        long samplesStart = 0, committedStart = 0, stepResultsStart = 0;
        long peakWorkingSet = 0, peakHeap = 0, lastReading = 0;
        using var timer = new PeriodicTimer(scenario.PollInterval, time);
        do
        {
            long stepResultsBefore = counting.StepResults;
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            long cycleStart = time.GetTimestamp();
            await poller.PollOnceAsync(cancellationToken).ConfigureAwait(false);
            long cycleEnd = time.GetTimestamp();
            self.Refresh();
            double cpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            double ms = time.GetElapsedTime(cycleStart, cycleEnd).TotalMilliseconds;
            double slowestRequest = requests.TakeCycleMax();

            // A unit's poll ends with its heartbeat write: after the cycle's last request only the journal drain is left.
            long lastRequest = requests.TakeLastCompletion();
            double pollsMs = lastRequest > cycleStart ? time.GetElapsedTime(cycleStart, lastRequest).TotalMilliseconds : ms;
            var elapsed = time.GetElapsedTime(started);
            if (double.IsNaN(firstCycle))
            {
                firstCycle = ms;
                continue;
            }

            if (windowStart is null)
            {
                if (elapsed < arguments.Warmup)
                {
                    continue;
                }

                // The window opens at a cycle's end, so it holds whole cycles.
                windowStart = ProcessReading.Take(time);
                lastReading = windowStart.Value.Timestamp;
                simulatorStart = simulator.ProcessorTime;
                (samplesStart, committedStart, stepResultsStart) = (counting.Samples, committed(), counting.StepResults);
                requests.Start();
                continue;
            }

            latencies.Add(ms);
            withoutSlowestRequest.Add(Math.Max(0, ms - slowestRequest));
            unitPolls.Add(pollsMs);
            drains.Add(ms - pollsMs);
            withStepResults.Add(counting.StepResults > stepResultsBefore);
            cpu.Add(cpuMs);
            if (time.GetElapsedTime(lastReading) >= TimeSpan.FromSeconds(1))
            {
                var reading = ProcessReading.Take(time);
                lastReading = reading.Timestamp;
                peakWorkingSet = Math.Max(peakWorkingSet, reading.WorkingSetBytes);
                peakHeap = Math.Max(peakHeap, reading.GcHeapBytes);
            }

            if (time.GetElapsedTime(windowStart.Value.Timestamp) >= arguments.Duration)
            {
                break;
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));

        requests.Stop();
        var end = ProcessReading.Take(time);
        var start = windowStart!.Value;
        long liveHeap = GC.GetTotalMemory(forceFullCollection: true);
        double wallS = time.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        return new Polled
        {
            Latencies = latencies,
            WithoutSlowestRequest = withoutSlowestRequest,
            UnitPolls = unitPolls,
            Drains = drains,
            WithStepResults = withStepResults,
            CycleCpu = cpu,
            FirstCycleMs = firstCycle,
            WindowS = wallS,
            Start = start,
            End = end,
            PeakWorkingSetBytes = Math.Max(peakWorkingSet, end.WorkingSetBytes),
            PeakHeapBytes = Math.Max(peakHeap, end.GcHeapBytes),
            SimulatorCpu = simulator.ProcessorTime - simulatorStart,
            SamplesLogged = counting.Samples - samplesStart,
            SamplesCommitted = committed() - committedStart,
            StepResults = counting.StepResults - stepResultsStart,
            Requests = requests,
            LiveHeapBytes = liveHeap,
        };
    }
}
