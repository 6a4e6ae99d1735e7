namespace FormationControl.ControllerBench;

/// <summary>The figures of one scenario (times in milliseconds, sizes in bytes unless named otherwise).</summary>
internal sealed record ScenarioResult
{
    public required string Scenario { get; init; }

    public required int Channels { get; init; }

    public required double PollIntervalMs { get; init; }

    public required string Profile { get; init; }

    /// <summary>The Modbus masters' fast-path wait ("default" = 1 ms).</summary>
    public required string FastPathWait { get; init; }

    public required string LoadAverageStart { get; init; }

    public required string LoadAverageEnd { get; init; }

    public required double WindowS { get; init; }

    public required int Cycles { get; init; }

    public required double CycleP50Ms { get; init; }

    public required double CycleP99Ms { get; init; }

    public required double CycleMaxMs { get; init; }

    public required double CycleMeanMs { get; init; }

    /// <summary>The first cycle, which starts every channel (one command write each).</summary>
    public required double FirstCycleMs { get; init; }

    /// <summary>Measured cycles that took longer than the poll interval.</summary>
    public required int CyclesOverInterval { get; init; }

    /// <summary>Cycle time less the cycle's longest request (one answer that came late), p50/p99/max.</summary>
    public required double CycleWithoutSlowestRequestP50Ms { get; init; }

    public required double CycleWithoutSlowestRequestP99Ms { get; init; }

    public required double CycleWithoutSlowestRequestMaxMs { get; init; }

    /// <summary>Cycle start until its last request completed: the units' polls.</summary>
    public required double UnitPollsP50Ms { get; init; }

    public required double UnitPollsP99Ms { get; init; }

    /// <summary>Last request until the cycle's end: the journal drain (step results committed).</summary>
    public required double DrainP50Ms { get; init; }

    public required double DrainP99Ms { get; init; }

    /// <summary>Cycles in which no step ended.</summary>
    public required int SteadyCycles { get; init; }

    public required double SteadyCycleP99Ms { get; init; }

    public required double SteadyCycleMaxMs { get; init; }

    /// <summary>Cycles in which some step ended (a step result to commit, the next step to start).</summary>
    public required int TransitionCycles { get; init; }

    public required double TransitionCycleP50Ms { get; init; }

    public required double TransitionCycleMaxMs { get; init; }

    public required double TransitionUnitPollsP50Ms { get; init; }

    public required double TransitionDrainP50Ms { get; init; }

    /// <summary>Process CPU time within a cycle (all threads), mean over the cycles without a step end.</summary>
    public required double SteadyCycleCpuMeanMs { get; init; }

    public required double TransitionCycleCpuP50Ms { get; init; }

    public required double StepResultsPerTransitionCycle { get; init; }

    public required double RequestsPerCycle { get; init; }

    public required double RequestP50Ms { get; init; }

    public required double RequestP99Ms { get; init; }

    public required double RequestMaxMs { get; init; }

    /// <summary>Requests whose answer took longer than the master's fast-path wait (the caller's thread was yielded).</summary>
    public required double RequestsAsynchronousPercent { get; init; }

    /// <summary>Time spent waiting for answers over the cycles' time (units poll concurrently, so this may pass 100 %).</summary>
    public required double RequestTimeShareOfCycles { get; init; }

    public required double LiveHeapMb { get; init; }

    /// <summary>Controller process CPU time over wall time, in percent of one core.</summary>
    public required double ControllerCpuPercent { get; init; }

    public required double SimulatorCpuPercent { get; init; }

    public required double WorkingSetMbEnd { get; init; }

    public required double WorkingSetMbPeak { get; init; }

    public required double GcHeapMbEnd { get; init; }

    public required double GcHeapMbPeak { get; init; }

    public required double AllocatedMbPerS { get; init; }

    public required string Collections { get; init; }

    public required double SamplesLoggedPerS { get; init; }

    public required double SamplesCommittedPerS { get; init; }

    public required long StepResultsInWindow { get; init; }

    public required long SamplesStored { get; init; }

    public required long FileGrowthBytes { get; init; }

    public required double FileBytesPerSample { get; init; }

    public required double PayloadBytesPerSample { get; init; }

    public required double DocumentBytesPerSample { get; init; }

    public required long Blocks { get; init; }

    public required int CurveSamples { get; init; }

    public required double CurveReadFirstMs { get; init; }

    public required double CurveReadMedianMs { get; init; }

    public required int SyntheticCurveSamples { get; init; }

    public required double SyntheticCurveReadFirstMs { get; init; }

    public required double SyntheticCurveReadMedianMs { get; init; }

    public required string ChannelStates { get; init; }

    public required int FailedPolls { get; init; }

    public required double StoreCloseMs { get; init; }
}
