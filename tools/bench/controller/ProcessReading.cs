using System.Diagnostics;

namespace FormationControl.ControllerBench;

/// <summary>What this (the controller's) process has used up to one moment.</summary>
internal readonly record struct ProcessReading(long Timestamp, TimeSpan Cpu, long WorkingSetBytes, long GcHeapBytes, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static ProcessReading Take(TimeProvider time)
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessReading(
            time.GetTimestamp(), process.TotalProcessorTime, process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes,
            GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }
}
