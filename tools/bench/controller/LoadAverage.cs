namespace FormationControl.ControllerBench;

/// <summary>The machine's 1, 5 and 15-minute load averages (other work on a shared machine skews every figure).</summary>
internal static class LoadAverage
{
    public static string Read() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
