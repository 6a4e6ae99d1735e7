using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace FormationControl.ControllerBench;

/// <summary>Prints the figures as a table (one column per scenario) or as JSON.</summary>
internal static class ResultReport
{
    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    public static void WriteJson(TextWriter output, string machine, DateTimeOffset date, IReadOnlyList<ScenarioResult> results) =>
        output.WriteLine(JsonSerializer.Serialize(new ScenarioProcess.JsonReport(machine, date, results), JsonOptions));

    public static void WriteTable(TextWriter output, string machine, DateTimeOffset date, IReadOnlyList<ScenarioResult> results)
    {
        output.WriteLine($"machine: {machine}");
        output.WriteLine($"date: {date:yyyy-MM-dd HH:mm} UTC");
        var rows = new (string Name, Func<ScenarioResult, string> Value)[]
        {
            ("scenario (units x channels @ poll)", r => r.Scenario),
            ("channels", r => I($"{r.Channels}")),
            ("profile", r => r.Profile),
            ("Modbus master fast-path wait", r => r.FastPathWait),
            ("load average at start / end", r => $"{r.LoadAverageStart} / {r.LoadAverageEnd}"),
            ("measured window, cycles", r => I($"{r.WindowS:0.0} s, {r.Cycles}")),
            ("cycle p50 / p99 / max (ms)", r => I($"{r.CycleP50Ms:0.0} / {r.CycleP99Ms:0.0} / {r.CycleMaxMs:0.0}")),
            ("cycle mean (ms)", r => I($"{r.CycleMeanMs:0.0}")),
            ("cycles longer than the poll interval", r => I($"{r.CyclesOverInterval}")),
            ("units' polls p50 / p99; journal drain p50 / p99 (ms)", r => I($"{r.UnitPollsP50Ms:0.0} / {r.UnitPollsP99Ms:0.0}; {r.DrainP50Ms:0.0} / {r.DrainP99Ms:0.0}")),
            ("cycles without a step end: count, p99 / max (ms)", r => I($"{r.SteadyCycles}, {r.SteadyCycleP99Ms:0.0} / {r.SteadyCycleMaxMs:0.0}")),
            ("cycles with step ends: count, p50 / max (ms)", r => r.TransitionCycles == 0 ? "0" : I($"{r.TransitionCycles}, {r.TransitionCycleP50Ms:0.0} / {r.TransitionCycleMaxMs:0.0}")),
            ("  their polls / drain p50 (ms); step ends each", r => r.TransitionCycles == 0 ? "-" : I($"{r.TransitionUnitPollsP50Ms:0.0} / {r.TransitionDrainP50Ms:0.0}; {r.StepResultsPerTransitionCycle:0}")),
            ("CPU in a cycle: steady mean / with step ends p50 (ms)", r => I($"{r.SteadyCycleCpuMeanMs:0.0} / {r.TransitionCycleCpuP50Ms:0.0}")),
            ("cycle less its slowest request p50 / p99 / max (ms)", r => I($"{r.CycleWithoutSlowestRequestP50Ms:0.0} / {r.CycleWithoutSlowestRequestP99Ms:0.0} / {r.CycleWithoutSlowestRequestMaxMs:0.0}")),
            ("requests per cycle; request p50 / p99 / max (ms)", r => I($"{r.RequestsPerCycle:0}; {r.RequestP50Ms:0.00} / {r.RequestP99Ms:0.00} / {r.RequestMaxMs:0.0}")),
            ("requests answered after the fast path (%)", r => I($"{r.RequestsAsynchronousPercent:0.0}")),
            ("time in requests / cycle time (%)", r => I($"{r.RequestTimeShareOfCycles:0}")),
            ("first cycle, starting every channel (ms)", r => I($"{r.FirstCycleMs:0.0}")),
            ("controller CPU (% of one core)", r => I($"{r.ControllerCpuPercent:0.0}")),
            ("simulator CPU (% of one core, other process)", r => I($"{r.SimulatorCpuPercent:0.0}")),
            ("working set end / peak (MB)", r => I($"{r.WorkingSetMbEnd:0.0} / {r.WorkingSetMbPeak:0.0}")),
            ("GC heap end / peak (MB)", r => I($"{r.GcHeapMbEnd:0.0} / {r.GcHeapMbPeak:0.0}")),
            ("live heap after a full GC at the end (MB)", r => I($"{r.LiveHeapMb:0.0}")),
            ("allocated (MB/s); GCs gen0/1/2", r => I($"{r.AllocatedMbPerS:0.00}; {r.Collections}")),
            ("samples logged / committed (per s)", r => I($"{r.SamplesLoggedPerS:0} / {r.SamplesCommittedPerS:0}")),
            ("step results in the window", r => I($"{r.StepResultsInWindow}")),
            ("samples stored, blocks", r => I($"{r.SamplesStored}, {r.Blocks}")),
            ("file growth / sample (bytes)", r => I($"{r.FileBytesPerSample:0.0} ({r.FileGrowthBytes / 1024.0:0} KiB)")),
            ("block payload / document per sample (bytes)", r => I($"{r.PayloadBytesPerSample:0.0} / {r.DocumentBytesPerSample:0.0}")),
            ("read one run's curve: first / median (ms)", r => I($"{r.CurveReadFirstMs:0.00} / {r.CurveReadMedianMs:0.00} ({r.CurveSamples} samples)")),
            ("read a synthetic 1 s curve: first / median (ms)", r => r.SyntheticCurveSamples == 0 ? "-" : I($"{r.SyntheticCurveReadFirstMs:0.0} / {r.SyntheticCurveReadMedianMs:0.0} ({r.SyntheticCurveSamples} samples)")),
            ("channel states at the end", r => r.ChannelStates),
            ("failed polls", r => I($"{r.FailedPolls}")),
            ("store close (ms)", r => I($"{r.StoreCloseMs:0}")),
        };
        int nameWidth = rows.Max(r => r.Name.Length);
        var columns = results.Select(r => rows.Select(row => row.Value(r)).ToArray()).ToArray();
        int[] widths = columns.Select(c => c.Max(v => v.Length)).ToArray();
        for (int i = 0; i < rows.Length; i++)
        {
            output.Write(rows[i].Name.PadRight(nameWidth));
            for (int c = 0; c < columns.Length; c++)
            {
                output.Write(" | ");
                output.Write(columns[c][i].PadRight(widths[c]));
            }

            output.WriteLine();
        }
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        const string key = "model name";
        return File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
    }
}
