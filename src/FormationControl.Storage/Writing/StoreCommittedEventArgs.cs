namespace FormationControl.Storage;

/// <summary>A transaction of the store's writer was committed.</summary>
public sealed class StoreCommittedEventArgs(CommitReason reason, int samples, int records, DateTimeOffset committedAt) : EventArgs
{
    /// <summary>What made the writer commit.</summary>
    public CommitReason Reason { get; } = reason;

    /// <summary>Samples made durable by this commit.</summary>
    public int Samples { get; } = samples;

    /// <summary>Runs, run ends, step results and grades made durable by this commit.</summary>
    public int Records { get; } = records;

    /// <summary>When the commit finished, by the store's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset CommittedAt { get; } = committedAt;
}
