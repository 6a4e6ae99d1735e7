using FormationControl.Storage;

namespace FormationControl.ControllerBench;

/// <summary>What the scenario's store holds once closed: its size on disk, its sample statistics and one curve read.</summary>
internal sealed record StoredFigures(long Samples, long Blocks, long PayloadBytes, double DocumentBytesPerSample, long FileBytes, CurveRead Curve)
{
    /// <summary>Data file plus LiteDB log.</summary>
    public static long FileBytesOf(string dbPath) => Length(dbPath) + Length(Path.ChangeExtension(dbPath, null) + "-log.db");

    /// <summary>Measures the closed store at <paramref name="dbPath"/> (reopening it) and reads run <paramref name="runId"/>'s curve.</summary>
    public static async Task<StoredFigures> MeasureAsync(string dbPath, long runId, TimeProvider time)
    {
        long fileBytes = FileBytesOf(dbPath);
        var store = FormationStore.Open(dbPath, time);
        await using (store.ConfigureAwait(false))
        {
            var stats = store.GetSampleStorageStats();
            if (stats.JournalSamples != 0)
            {
                throw new InvalidOperationException($"{stats.JournalSamples} samples still in the journal after a clean close of {dbPath}");
            }

            return new StoredFigures(stats.Samples, stats.Blocks, stats.PayloadBytes, stats.DocumentBytesPerSample, fileBytes, CurveRead.Measure(store, runId, time));
        }
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
