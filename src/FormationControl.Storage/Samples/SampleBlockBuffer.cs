namespace FormationControl.Storage;

/// <summary>
/// The writer's samples between arrival and their block document. One block per run is open; a block
/// closes when full, when its step ends or its run completes. Each commit appends the new samples to
/// the journal (one document for all runs). A compaction then writes every closed block as one
/// document, rewrites the open blocks into a fresh journal document and deletes the older journal,
/// all in one transaction, so a sample is never stored twice nor lost in between. Compacting once the
/// journal has grown as large as the open blocks keeps the rewriting at most as large as the new data.
/// Used by the writer thread only.
/// </summary>
internal sealed class SampleBlockBuffer(int blockSize)
{
    // Below this much journal, compacting would cost more than it saves.
    private const long MinimumJournalBytes = 64 * 1024;

    // Bounds the documents a query or a recovery reads from the journal.
    private const int MaxJournalDocuments = 3600;

    private readonly Dictionary<long, SampleBlock> _open = [];
    private readonly List<SampleBlock> _closed = [];
    private long _journalBytes;
    private int _journalDocuments;
    private bool _compactNext;
    private Written? _written;

    /// <summary>Samples that are in no committed document yet.</summary>
    public int UncommittedSamples { get; private set; }

    /// <summary>Whether the next commit has documents to write.</summary>
    public bool HasWork => UncommittedSamples > 0 || (_compactNext && (_closed.Count > 0 || _journalDocuments > 0));

    public void Add(in QuantisedSample sample)
    {
        if (_open.TryGetValue(sample.RunId, out var block) && block.StepIndex != sample.StepIndex)
        {
            Close(block);
            block = null;
        }

        if (block is null)
        {
            block = new SampleBlock(sample.RunId, sample.StepIndex);
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

    /// <summary>Closes every block and makes the next commit a compaction: afterwards all samples are in block documents.</summary>
    public void CloseAll()
    {
        foreach (var block in _open.Values.ToList())
        {
            Close(block);
        }

        _compactNext = true;
    }

    /// <summary>
    /// Writes inside the caller's transaction. Nothing in memory changes until <see cref="Committed"/>;
    /// after a failed commit call <see cref="Abandon"/>.
    /// </summary>
    public void Write(StoreCollections collections)
    {
        var compact = _compactNext || CompactionDue();
        var journal = new SampleJournalWriter(collections.Journal);
        if (compact)
        {
            foreach (var block in _closed)
            {
                collections.Samples.Insert(SampleBlockDocument.From(block.RunId, block.StepIndex, block.All));
            }

            collections.Journal.DeleteAll();
            foreach (var block in _open.Values)
            {
                journal.Add(block.RunId, block.StepIndex, block.All);
            }
        }
        else
        {
            foreach (var block in _closed.Concat(_open.Values))
            {
                if (block.Uncommitted.Count > 0)
                {
                    journal.Add(block.RunId, block.StepIndex, block.Uncommitted);
                }
            }
        }

        journal.Finish();
        _written = new Written(compact, journal.Documents, journal.Bytes);
    }

    public void Committed()
    {
        var written = _written ?? throw new InvalidOperationException("Committed without Write");
        foreach (var block in _closed.Concat(_open.Values))
        {
            block.Uncommitted.Reset();
        }

        if (written.Compacted)
        {
            _closed.Clear();
            _journalDocuments = written.Documents;
            _journalBytes = 0;
            _compactNext = false;
        }
        else
        {
            _journalDocuments += written.Documents;
            _journalBytes += written.Bytes;
        }

        _written = null;
        UncommittedSamples = 0;
    }

    public void Abandon() => _written = null;

    private bool CompactionDue()
    {
        if (_closed.Count == 0 && _journalDocuments == 0)
        {
            return false;
        }

        var openBytes = _open.Values.Sum(block => (long)block.All.Payload.Length);
        return _journalBytes >= Math.Max(openBytes, MinimumJournalBytes) || _journalDocuments >= MaxJournalDocuments;
    }

    private void Close(SampleBlock block)
    {
        _open.Remove(block.RunId);
        _closed.Add(block);
    }

    private sealed record Written(bool Compacted, int Documents, long Bytes);
}
