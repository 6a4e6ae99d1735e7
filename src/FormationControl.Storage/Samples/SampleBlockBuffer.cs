using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// The writer's samples between arrival and their final block: one open block per run, plus blocks
/// that are closed but not yet written. Used by the writer thread only.
/// </summary>
internal sealed class SampleBlockBuffer(int blockSize)
{
    private readonly Dictionary<long, OpenSampleBlock> _open = [];
    private readonly List<OpenSampleBlock> _closed = [];
    private readonly List<(OpenSampleBlock Block, long Id)> _writtenFragments = [];

    /// <summary>Samples that are not in any committed document yet.</summary>
    public int UncommittedSamples { get; private set; }

    /// <summary>Whether the next commit has documents to write.</summary>
    public bool HasWork => UncommittedSamples > 0 || _closed.Count > 0;

    public void Add(in QuantisedSample sample)
    {
        if (_open.TryGetValue(sample.RunId, out var block) && block.StepIndex != sample.StepIndex)
        {
            Close(block);
            block = null;
        }

        if (block is null)
        {
            block = new OpenSampleBlock(sample.RunId, sample.StepIndex);
            _open.Add(sample.RunId, block);
        }

        block.Append(sample);
        UncommittedSamples++;
        if (block.All.Count >= blockSize)
        {
            Close(block);
        }
    }

    /// <summary>Closes the run's open block (only if it belongs to <paramref name="stepIndex"/>, when given).</summary>
    public void CloseRun(long runId, int? stepIndex = null)
    {
        if (_open.TryGetValue(runId, out var block) && (stepIndex is null || block.StepIndex == stepIndex))
        {
            Close(block);
        }
    }

    public void CloseAll()
    {
        foreach (var block in _open.Values.ToList())
        {
            Close(block);
        }
    }

    /// <summary>
    /// Writes closed blocks and fragments of open ones inside the caller's transaction. Nothing in
    /// memory changes until <see cref="Committed"/>; after a failed commit call <see cref="Abandon"/>.
    /// </summary>
    public void Write(ILiteCollection<BsonDocument> samples)
    {
        _writtenFragments.Clear();
        foreach (var block in _closed)
        {
            samples.Insert(SampleBlockDocument.From(block.RunId, block.StepIndex, block.All));
            foreach (var id in block.FragmentIds)
            {
                samples.Delete(id);
            }
        }

        foreach (var block in _open.Values)
        {
            if (block.Uncommitted.Count > 0)
            {
                var id = samples.Insert(SampleBlockDocument.From(block.RunId, block.StepIndex, block.Uncommitted));
                _writtenFragments.Add((block, id.AsInt64));
            }
        }
    }

    public void Committed()
    {
        _closed.Clear();
        foreach (var (block, id) in _writtenFragments)
        {
            block.FragmentIds.Add(id);
            block.Uncommitted.Reset();
        }

        _writtenFragments.Clear();
        UncommittedSamples = 0;
    }

    public void Abandon() => _writtenFragments.Clear();

    private void Close(OpenSampleBlock block)
    {
        _open.Remove(block.RunId);
        var alreadyWhole = block.FragmentIds.Count == 1 && block.Uncommitted.Count == 0;
        if (!alreadyWhole)
        {
            _closed.Add(block);
        }
    }
}
