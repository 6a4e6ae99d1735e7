namespace FormationControl.Storage;

/// <summary>What made the writer commit a transaction.</summary>
public enum CommitReason
{
    /// <summary>Samples had waited for <see cref="FormationStoreOptions.FlushInterval"/>.</summary>
    FlushInterval,

    /// <summary>A record (run, step result, grade) or a flush was waiting for its commit.</summary>
    Requested,

    /// <summary><see cref="FormationStoreOptions.MaxBatch"/> samples and records were waiting.</summary>
    BatchFull,

    /// <summary>The store was being disposed.</summary>
    Close,
}
