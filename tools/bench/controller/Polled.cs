using CellProfile = FormationControl.Core.Profiles.Profile;

namespace FormationControl.ControllerBench;

/// <summary>What the polling phase of a scenario measured.</summary>
internal sealed record Polled
{
    private const double Mb = 1024 * 1024;

    public required List<double> Latencies { get; init; }

    /// <summary>Each cycle's time less its longest request: what is left when the slowest answer is not waited for.</summary>
    public required List<double> WithoutSlowestRequest { get; init; }

    /// <summary>Each cycle's time until its last request completed (the units' polls).</summary>
    public required List<double> UnitPolls { get; init; }

    /// <summary>Each cycle's time after its last request (the journal drain: step results and run ends committed).</summary>
    public required List<double> Drains { get; init; }

    /// <summary>Whether the cycle recorded a step result (a step ended on some channel).</summary>
    public required List<bool> WithStepResults { get; init; }

    /// <summary>Process CPU time used during each cycle (all threads, so also the store's writer and the GC).</summary>
    public required List<double> CycleCpu { get; init; }

    private Percentiles Where(List<double> values, bool transition) =>
        new(values.Where((_, i) => WithStepResults[i] == transition));

    public required double FirstCycleMs { get; init; }

    public required double WindowS { get; init; }

    public required ProcessReading Start { get; init; }

    public required ProcessReading End { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    public required long PeakHeapBytes { get; init; }

    public required TimeSpan SimulatorCpu { get; init; }

    public required long SamplesLogged { get; init; }

    public required long SamplesCommitted { get; init; }

    public required long StepResults { get; init; }

    public required RequestTimes Requests { get; init; }

    /// <summary>The managed heap after a full collection at the end of the window: what is really held.</summary>
    public required long LiveHeapBytes { get; init; }

    public long FirstRunId { get; init; }

    public long BaselineFileBytes { get; init; }

    public int FailedPolls { get; init; }

    public string ChannelStates { get; init; } = "";

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public double StoreCloseMs { get; init; }

    public ScenarioResult ToResult(Scenario scenario, CellProfile profile, int? fastPathMicroseconds, string loadStart, string loadEnd, StoredFigures stored, CurveRead synthetic)
    {
        var cycles = new Percentiles(Latencies);
        var requests = Requests.Percentiles();
        return new ScenarioResult
        {
            Scenario = scenario.Name,
            Channels = scenario.Channels,
            PollIntervalMs = scenario.PollInterval.TotalMilliseconds,
            Profile = $"{profile.Name} {profile.Version}",
            FastPathWait = fastPathMicroseconds is { } us ? $"{us} us" : "default (1 ms)",
            LoadAverageStart = loadStart,
            LoadAverageEnd = loadEnd,
            WindowS = WindowS,
            Cycles = cycles.Count,
            CycleP50Ms = cycles.At(50),
            CycleP99Ms = cycles.At(99),
            CycleMaxMs = cycles.Max,
            CycleMeanMs = Latencies.Count == 0 ? double.NaN : Latencies.Average(),
            FirstCycleMs = FirstCycleMs,
            CyclesOverInterval = Latencies.Count(ms => ms > scenario.PollInterval.TotalMilliseconds),
            CycleWithoutSlowestRequestP50Ms = new Percentiles(WithoutSlowestRequest).At(50),
            CycleWithoutSlowestRequestP99Ms = new Percentiles(WithoutSlowestRequest).At(99),
            CycleWithoutSlowestRequestMaxMs = new Percentiles(WithoutSlowestRequest).Max,
            UnitPollsP50Ms = new Percentiles(UnitPolls).At(50),
            UnitPollsP99Ms = new Percentiles(UnitPolls).At(99),
            DrainP50Ms = new Percentiles(Drains).At(50),
            DrainP99Ms = new Percentiles(Drains).At(99),
            SteadyCycles = Where(Latencies, false).Count,
            SteadyCycleP99Ms = Where(Latencies, false).At(99),
            SteadyCycleMaxMs = Where(Latencies, false).Max,
            TransitionCycles = Where(Latencies, true).Count,
            TransitionCycleP50Ms = Where(Latencies, true).At(50),
            TransitionCycleMaxMs = Where(Latencies, true).Max,
            TransitionUnitPollsP50Ms = Where(UnitPolls, true).At(50),
            TransitionDrainP50Ms = Where(Drains, true).At(50),
            SteadyCycleCpuMeanMs = Where(CycleCpu, false).Count == 0 ? double.NaN : CycleCpu.Where((_, i) => !WithStepResults[i]).Average(),
            TransitionCycleCpuP50Ms = Where(CycleCpu, true).At(50),
            StepResultsPerTransitionCycle = Where(CycleCpu, true).Count == 0 ? 0 : (double)StepResults / Where(CycleCpu, true).Count,
            RequestsPerCycle = Latencies.Count == 0 ? 0 : (double)Requests.Count / Latencies.Count,
            RequestP50Ms = requests.At(50),
            RequestP99Ms = requests.At(99),
            RequestMaxMs = requests.Max,
            RequestsAsynchronousPercent = Requests.Count == 0 ? 0 : 100.0 * Requests.Asynchronous / Requests.Count,
            RequestTimeShareOfCycles = Latencies.Count == 0 ? 0 : Requests.TotalMs / Latencies.Sum() * 100,
            LiveHeapMb = LiveHeapBytes / Mb,
            ControllerCpuPercent = (End.Cpu - Start.Cpu).TotalSeconds / WindowS * 100,
            SimulatorCpuPercent = SimulatorCpu.TotalSeconds / WindowS * 100,
            WorkingSetMbEnd = End.WorkingSetBytes / Mb,
            WorkingSetMbPeak = PeakWorkingSetBytes / Mb,
            GcHeapMbEnd = End.GcHeapBytes / Mb,
            GcHeapMbPeak = PeakHeapBytes / Mb,
            AllocatedMbPerS = (End.AllocatedBytes - Start.AllocatedBytes) / Mb / WindowS,
            Collections = $"{End.Gen0 - Start.Gen0}/{End.Gen1 - Start.Gen1}/{End.Gen2 - Start.Gen2}",
            SamplesLoggedPerS = SamplesLogged / WindowS,
            SamplesCommittedPerS = SamplesCommitted / WindowS,
            StepResultsInWindow = StepResults,
            SamplesStored = stored.Samples,
            FileGrowthBytes = stored.FileBytes - BaselineFileBytes,
            FileBytesPerSample = stored.Samples == 0 ? double.NaN : (double)(stored.FileBytes - BaselineFileBytes) / stored.Samples,
            PayloadBytesPerSample = stored.Samples == 0 ? double.NaN : (double)stored.PayloadBytes / stored.Samples,
            DocumentBytesPerSample = stored.DocumentBytesPerSample,
            Blocks = stored.Blocks,
            CurveSamples = stored.Curve.Samples,
            CurveReadFirstMs = stored.Curve.FirstMs,
            CurveReadMedianMs = stored.Curve.MedianMs,
            SyntheticCurveSamples = synthetic.Samples,
            SyntheticCurveReadFirstMs = synthetic.FirstMs,
            SyntheticCurveReadMedianMs = synthetic.MedianMs,
            ChannelStates = ChannelStates,
            FailedPolls = FailedPolls,
            StoreCloseMs = StoreCloseMs,
        };
    }
}
