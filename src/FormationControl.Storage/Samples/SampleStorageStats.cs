namespace FormationControl.Storage;

/// <summary>How much room stored samples take; for measuring and for capacity planning.</summary>
/// <param name="Blocks">Stored sample block documents.</param>
/// <param name="Samples">Samples in those blocks.</param>
/// <param name="PayloadBytes">Bytes of encoded sample data.</param>
/// <param name="DocumentBytes">Bytes of the block documents as BSON (payload plus per-block fields).</param>
/// <param name="FileBytes">Size of the whole store on disk now: data file plus LiteDB log file.</param>
public sealed record SampleStorageStats(long Blocks, long Samples, long PayloadBytes, long DocumentBytes, long FileBytes)
{
    /// <summary>BSON bytes per stored sample (0 when nothing is stored).</summary>
    public double DocumentBytesPerSample => Samples == 0 ? 0 : (double)DocumentBytes / Samples;
}
