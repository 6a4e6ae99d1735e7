namespace FormationControl.Storage;

/// <summary>How much room committed samples take; for measuring and for capacity planning.</summary>
/// <param name="Blocks">Block documents (samples packed for good).</param>
/// <param name="Samples">Samples in those blocks.</param>
/// <param name="PayloadBytes">Bytes of encoded samples in those blocks.</param>
/// <param name="DocumentBytes">Bytes of the block documents as BSON (payload plus per-block fields).</param>
/// <param name="JournalSamples">Committed samples still in the journal, waiting to be packed into blocks.</param>
/// <param name="JournalBytes">Bytes of the journal documents as BSON (the whole journal, also when asking about one run).</param>
/// <param name="FileBytes">Size of the whole store on disk now: data file plus LiteDB log file.</param>
public sealed record SampleStorageStats(
    long Blocks, long Samples, long PayloadBytes, long DocumentBytes, long JournalSamples, long JournalBytes, long FileBytes)
{
    /// <summary>BSON bytes of block documents per sample in them (0 when there are none).</summary>
    public double DocumentBytesPerSample => Samples == 0 ? 0 : (double)DocumentBytes / Samples;
}
