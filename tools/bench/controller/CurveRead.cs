using FormationControl.Storage;

namespace FormationControl.ControllerBench;

/// <summary>Time to read one run's whole curve with <see cref="FormationStore.GetSamples"/>: the first read after opening, and the median of five more.</summary>
internal readonly record struct CurveRead(int Samples, double FirstMs, double MedianMs)
{
    public static CurveRead Measure(FormationStore store, long runId, TimeProvider time)
    {
        long start = time.GetTimestamp();
        int samples = store.GetSamples(runId).Count;
        double first = time.GetElapsedTime(start).TotalMilliseconds;
        var again = new double[5];
        for (int i = 0; i < again.Length; i++)
        {
            start = time.GetTimestamp();
            _ = store.GetSamples(runId);
            again[i] = time.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(again);
        return new CurveRead(samples, first, again[again.Length / 2]);
    }
}
