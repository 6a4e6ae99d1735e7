namespace FormationControl.Storage;

/// <summary>
/// The block a run's samples currently go into. Between commits its new samples are stored as small
/// fragment blocks (so they are durable within a flush interval); once the block is full or its step
/// ended, one compact block replaces the fragments.
/// </summary>
internal sealed class OpenSampleBlock(long runId, int stepIndex)
{
    public long RunId { get; } = runId;

    public int StepIndex { get; } = stepIndex;

    /// <summary>Every sample of the block, for the final compact document.</summary>
    public SampleBlockEncoder All { get; } = new();

    /// <summary>Samples not yet committed, for the next fragment.</summary>
    public SampleBlockEncoder Uncommitted { get; } = new();

    /// <summary>Ids of committed fragment documents that <see cref="All"/> supersedes.</summary>
    public List<long> FragmentIds { get; } = [];

    public void Append(in QuantisedSample sample)
    {
        All.Append(sample);
        Uncommitted.Append(sample);
    }
}
