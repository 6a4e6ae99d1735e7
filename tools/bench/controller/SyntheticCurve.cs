using FormationControl.Storage;

namespace FormationControl.ControllerBench;

/// <summary>
/// The read time of a full-length curve, which a benchmark window of minutes cannot produce: one run with a sample
/// every second for <c>hours</c> (a slow CC charge with small pseudo-random ripple, a new step every 30 minutes),
/// written to a store of its own, closed, reopened and read back. Only the read time is reported; its bytes per
/// sample are not (the ripple is made up; the scenarios store real simulator samples).
/// </summary>
internal static class SyntheticCurve
{
    public static async Task<CurveRead> MeasureAsync(string dbPath, double hours, TimeProvider time, CancellationToken cancellationToken)
    {
        long runId;
        var store = FormationStore.Open(dbPath, time);
        await using (store.ConfigureAwait(false))
        {
            var start = time.GetUtcNow();
            runId = await store.StartRunAsync(
                new RunRecord(0, "CURVE00000001", "BENCH", "U01", 1, "synthetic", "1", "synthetic", start, null, RunStatus.Running, null),
                cancellationToken).ConfigureAwait(false);
            var random = new Random(1);
            int samples = (int)(hours * 3600);
            for (int i = 0; i < samples; i++)
            {
                int step = i / 1800;
                double stepTimeS = i % 1800;
                double ripple = (random.NextDouble() - 0.5) * 2e-4;
                double voltage = 3.4 + (0.7 * i / samples) + ripple;
                double current = 20 + ((random.NextDouble() - 0.5) * 2e-3);
                store.AppendSample(new SampleRecord(runId, step, start.AddSeconds(i), stepTimeS, voltage, current, 25 + (i % 600 / 600.0), current * stepTimeS / 3600, voltage * current * stepTimeS / 3600));
            }

            await store.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var reopened = FormationStore.Open(dbPath, time);
        await using (reopened.ConfigureAwait(false))
        {
            return CurveRead.Measure(reopened, runId, time);
        }
    }
}
