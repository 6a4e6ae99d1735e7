namespace FormationControl.Storage;

/// <summary>How a <see cref="FormationStore"/> batches, checkpoints and packs its writes.</summary>
public sealed class FormationStoreOptions
{
    /// <summary>
    /// Longest time an appended sample waits before it is committed, measured with the store's
    /// <see cref="TimeProvider"/>: every interval the writer commits what is waiting, so one
    /// transaction holds about this much data. Default 1 s.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Commit as soon as this many samples and records wait, even before <see cref="FlushInterval"/>;
    /// bounds the size of one transaction. Default 10 000.
    /// </summary>
    public int MaxBatch { get; set; } = 10_000;

    /// <summary>
    /// How often the writer checkpoints (copies LiteDB's log file into the data file), measured with the
    /// store's <see cref="TimeProvider"/>. Null turns periodic checkpoints off; LiteDB still checkpoints
    /// when its log reaches 1000 pages (8 MiB) and when the store is closed. Default 5 min.
    /// </summary>
    public TimeSpan? CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Samples per stored block (2 to 65 535). A run's samples are committed every flush as small
    /// fragments; once a block is full (or its step ends) one compact document replaces them. Larger
    /// blocks cost less per sample on disk and more memory per channel (about 10 bytes per sample).
    /// Default 256.
    /// </summary>
    public int SampleBlockSize { get; set; } = 256;

    /// <summary>
    /// Most samples held in memory waiting to be stored, e.g. while the disk fails. Past it,
    /// <see cref="FormationStore.AppendSample"/> throws rather than drop samples silently.
    /// Default 2 000 000 (about half an hour of 1000 channels at 1 Hz).
    /// </summary>
    public int MaxBufferedSamples { get; set; } = 2_000_000;

    internal FormationStoreOptions Validated()
    {
        if (FlushInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FlushInterval), FlushInterval, "FlushInterval must be positive.");
        }

        if (CheckpointInterval is { } checkpoint && checkpoint <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckpointInterval), checkpoint, "CheckpointInterval must be positive, or null for none.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatch, 1, nameof(MaxBatch));
        ArgumentOutOfRangeException.ThrowIfLessThan(SampleBlockSize, 2, nameof(SampleBlockSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SampleBlockSize, ushort.MaxValue, nameof(SampleBlockSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBufferedSamples, 1, nameof(MaxBufferedSamples));
        return new FormationStoreOptions
        {
            FlushInterval = FlushInterval,
            MaxBatch = MaxBatch,
            CheckpointInterval = CheckpointInterval,
            SampleBlockSize = SampleBlockSize,
            MaxBufferedSamples = MaxBufferedSamples,
        };
    }
}
