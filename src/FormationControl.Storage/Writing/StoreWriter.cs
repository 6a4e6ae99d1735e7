using System.Threading.Channels;
using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// The single writer of a store: one task takes requests off one queue, in order, and commits them in
/// batched transactions. A transaction runs from BeginTrans to Commit without an await, because LiteDB
/// binds a transaction to its thread.
/// </summary>
internal sealed class StoreWriter
{
    private readonly StoreFile _file;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxBatch;
    private readonly int _maxBufferedSamples;
    private readonly Action<StoreCommittedEventArgs> _onCommitted;
    private readonly Channel<WriteRequest> _requests =
        Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SampleBlockBuffer _samples;
    private readonly List<PendingWrite> _batch = [];
    private readonly Task _loop;
    private StorageException? _fault;
    private StorageException? _stopped;
    private StorageException? _closeFailure;
    private long _bufferedSamples;

    public StoreWriter(StoreFile file, TimeProvider timeProvider, FormationStoreOptions options, Action<StoreCommittedEventArgs> onCommitted)
    {
        _file = file;
        _timeProvider = timeProvider;
        _maxBatch = options.MaxBatch;
        _maxBufferedSamples = options.MaxBufferedSamples;
        _onCommitted = onCommitted;
        _samples = new SampleBlockBuffer(options.SampleBlockSize);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The last write failure; null once a later commit succeeded.</summary>
    public StorageException? Fault => Volatile.Read(ref _fault);

    /// <summary>Samples appended but not yet committed.</summary>
    public long BufferedSamples => Interlocked.Read(ref _bufferedSamples);

    public void AppendSample(in QuantisedSample sample)
    {
        ThrowIfStopped();
        var buffered = Interlocked.Increment(ref _bufferedSamples);
        if (buffered > _maxBufferedSamples)
        {
            Interlocked.Decrement(ref _bufferedSamples);
            var cause = Fault?.Message ?? "the writer has not caught up";
            throw new StorageException(
                $"Sample of run {sample.RunId} refused: {buffered - 1} samples are already waiting to be stored in '{_file.Path}' "
                + $"({cause}). It is refused rather than dropped silently.",
                _file.Path,
                Fault);
        }

        if (!_requests.Writer.TryWrite(WriteRequest.ForSample(sample)))
        {
            Interlocked.Decrement(ref _bufferedSamples);
            throw Closed();
        }
    }

    public void Enqueue(PendingWrite write)
    {
        ThrowIfStopped();
        if (!_requests.Writer.TryWrite(WriteRequest.ForWrite(write)))
        {
            throw Closed();
        }
    }

    /// <summary>Queues a timer tick; ignored once the store is closing.</summary>
    public void Tick(WriteRequest tick) => _requests.Writer.TryWrite(tick);

    /// <summary>Stops taking requests, stores everything queued, and ends the writer task.</summary>
    /// <exception cref="StorageException">Some samples could not be stored.</exception>
    public async Task CloseAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        if (_closeFailure is not null)
        {
            throw _closeFailure;
        }
    }

    private async Task RunAsync()
    {
        var reader = _requests.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                CommitReason? reason = null;
                while (reason != CommitReason.BatchFull && reader.TryRead(out var request))
                {
                    reason = Take(request, reason);
                }

                if (reason is { } due)
                {
                    Commit(due);
                }
            }

            Close();
        }
        catch (Exception e)
        {
            Stop(e);
        }
    }

    private CommitReason? Take(in WriteRequest request, CommitReason? reason)
    {
        switch (request.Kind)
        {
            case WriteRequestKind.Sample:
                _samples.Add(request.Sample);
                break;
            case WriteRequestKind.Write:
                request.Write!.OnDequeued(_samples);
                _batch.Add(request.Write);
                reason = CommitReason.Requested;
                break;
            case WriteRequestKind.FlushTick:
                reason ??= _samples.HasWork ? CommitReason.FlushInterval : null;
                break;
            case WriteRequestKind.CheckpointTick:
                Checkpoint();
                break;
        }

        // While the file fails, only ticks and requests retry: a full batch would retry on every sample.
        var full = Fault is null && _samples.UncommittedSamples + _batch.Count >= _maxBatch;
        return full ? CommitReason.BatchFull : reason;
    }

    private void Commit(CommitReason reason)
    {
        if (!_samples.HasWork && _batch.TrueForAll(write => write is FlushWrite))
        {
            CompleteBatch(); // nothing to write: everything before these flushes is already committed
            return;
        }

        var samples = _samples.UncommittedSamples;
        var records = _batch.Count(write => write is not FlushWrite);
        try
        {
            _file.Write(WriteTransaction);
        }
        catch (Exception e)
        {
            _samples.Abandon();
            _file.Discard();
            var fault = new StorageException(
                $"Could not write to the store '{_file.Path}': {e.Message}. {records} record(s) were not stored and their callers "
                + $"were told; {samples} sample(s) are kept in memory and retried at the next flush.",
                _file.Path,
                e);
            Volatile.Write(ref _fault, fault);
            FailBatch(fault);
            return;
        }

        _samples.Committed();
        Interlocked.Add(ref _bufferedSamples, -samples);
        Volatile.Write(ref _fault, null);

        // Observers hear of the commit before any caller continues, so a caller never sees a later commit first.
        Notify(new StoreCommittedEventArgs(reason, samples, records, _timeProvider.GetUtcNow()));
        CompleteBatch();
    }

    // Synchronous from BeginTrans to Commit: LiteDB transactions belong to the calling thread.
    private void WriteTransaction(LiteDatabase database)
    {
        if (!database.BeginTrans())
        {
            throw new InvalidOperationException("the writer thread already holds a LiteDB transaction");
        }

        try
        {
            var collections = new StoreCollections(database);
            foreach (var write in _batch)
            {
                write.Apply(collections);
            }

            _samples.Write(collections);
            database.Commit();
        }
        catch
        {
            TryRollback(database);
            throw;
        }
    }

    private static void TryRollback(LiteDatabase database)
    {
        try
        {
            database.Rollback();
        }
        catch (Exception)
        {
            // The instance is discarded right after; a failed rollback leaves nothing behind that a reopen keeps.
        }
    }

    private void Checkpoint()
    {
        if (Fault is not null)
        {
            return; // the next commit retries the file first
        }

        try
        {
            _file.Write(database => database.Checkpoint());
        }
        catch (Exception e)
        {
            _file.Discard();
            Volatile.Write(ref _fault, new StorageException(
                $"Could not checkpoint the store '{_file.Path}': {e.Message}. Committed data stays in '{_file.LogPath}'.",
                _file.Path,
                e));
        }
    }

    private void Close()
    {
        _samples.CloseAll();
        if (!_samples.HasWork && _batch.Count == 0)
        {
            return;
        }

        var samples = _samples.UncommittedSamples;
        Commit(CommitReason.Close);
        if (_samples.HasWork)
        {
            _closeFailure = new StorageException(
                $"Closing the store '{_file.Path}': {samples} sample(s) could not be stored and are lost: {Fault?.Message}",
                _file.Path,
                Fault);
        }
    }

    private void Notify(StoreCommittedEventArgs commit)
    {
        try
        {
            _onCommitted(commit);
        }
        catch (Exception)
        {
            // A subscriber's bug must not stop the only writer; the commit itself has succeeded.
        }
    }

    private void CompleteBatch()
    {
        foreach (var write in _batch)
        {
            write.Complete();
        }

        _batch.Clear();
    }

    private void FailBatch(Exception error)
    {
        foreach (var write in _batch)
        {
            write.Fail(error);
        }

        _batch.Clear();
    }

    // Reached only through a bug in the writer: fail loudly and for good rather than hang callers.
    private void Stop(Exception error)
    {
        var stopped = new StorageException(
            $"The writer of the store '{_file.Path}' stopped after an unexpected error and stores nothing more: {error.Message}",
            _file.Path,
            error);
        Volatile.Write(ref _stopped, stopped);
        Volatile.Write(ref _fault, stopped);
        _closeFailure = stopped;
        _requests.Writer.TryComplete();
        FailBatch(stopped);
        while (_requests.Reader.TryRead(out var request))
        {
            request.Write?.Fail(stopped);
        }
    }

    private void ThrowIfStopped()
    {
        if (Volatile.Read(ref _stopped) is { } stopped)
        {
            throw stopped;
        }
    }

    private static ObjectDisposedException Closed() => new(nameof(FormationStore), "The store is closed.");
}
