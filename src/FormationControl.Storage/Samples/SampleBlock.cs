namespace FormationControl.Storage;

/// <summary>
/// Consecutive samples of one run and step on their way to a block document. Until the block is
/// written as one compact document, its samples are made durable in the sample journal.
/// </summary>
internal sealed class SampleBlock(long runId, int stepIndex)
{
    public long RunId { get; } = runId;

    public int StepIndex { get; } = stepIndex;

    /// <summary>Every sample of the block: what the block document (or a compaction's journal) holds.</summary>
    public SampleBlockEncoder All { get; } = new();

    /// <summary>Samples not yet in any committed journal document.</summary>
    public SampleBlockEncoder Uncommitted { get; } = new();

    public void Append(in QuantisedSample sample)
    {
        All.Append(sample);
        Uncommitted.Append(sample);
    }
}
