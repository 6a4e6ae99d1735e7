using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// The LiteDB store of runs, samples, step results and grades. All writes go through one writer task
/// that commits them in batched transactions; queries read the same file concurrently and see what is
/// committed. Open one store per file; dispose it to store everything still buffered.
/// </summary>
public sealed partial class FormationStore : IAsyncDisposable
{
    private readonly StoreFile _file;
    private readonly StoreWriter _writer;
    private readonly ActiveRuns _activeRuns;
    private readonly ITimer _flushTimer;
    private readonly ITimer? _checkpointTimer;
    private int _disposed;

    private FormationStore(StoreFile file, TimeProvider timeProvider, FormationStoreOptions options, ActiveRuns activeRuns)
    {
        _file = file;
        _activeRuns = activeRuns;
        _writer = new StoreWriter(file, timeProvider, options, commit => Committed?.Invoke(this, commit));
        _flushTimer = timeProvider.CreateTimer(
            static writer => ((StoreWriter)writer!).Tick(WriteRequest.FlushTick), _writer, options.FlushInterval, options.FlushInterval);
        if (options.CheckpointInterval is { } checkpoint)
        {
            _checkpointTimer = timeProvider.CreateTimer(
                static writer => ((StoreWriter)writer!).Tick(WriteRequest.CheckpointTick), _writer, checkpoint, checkpoint);
        }
    }

    /// <summary>
    /// A writer commit finished. Raised on the writer's thread: handlers must be quick and must not
    /// call back into the store's writes and wait; an exception from a handler is ignored.
    /// </summary>
    public event EventHandler<StoreCommittedEventArgs>? Committed;

    /// <summary>Full path of the store's data file.</summary>
    public string FilePath => _file.Path;

    /// <summary>
    /// The last write failure, null when the last commit succeeded. While set, samples stay buffered
    /// and are retried every <see cref="FormationStoreOptions.FlushInterval"/> and on every request.
    /// </summary>
    public StorageException? Fault => _writer.Fault;

    /// <summary>
    /// Samples that a previous store on this file committed to its journal but did not pack into blocks
    /// (it was killed); <see cref="Open"/> packed them. 0 after a clean close.
    /// </summary>
    public int RecoveredSamples { get; private init; }

    /// <summary>Samples appended but not committed yet.</summary>
    public long BufferedSamples => _writer.BufferedSamples;

    /// <summary>
    /// Opens (or creates) the store at <paramref name="path"/>, creating its directory if missing.
    /// </summary>
    /// <param name="path">The LiteDB data file. LiteDB keeps its log next to it ("name-log.db"), and the
    /// store a lock file ("name.db.lock") that keeps a second store off the same file.</param>
    /// <param name="timeProvider">Clock for the flush and checkpoint intervals.</param>
    /// <param name="options">Batching and packing; defaults when null.</param>
    /// <exception cref="StorageException">The file cannot be opened as a store (in use, not a LiteDB file, unreadable); the message names it.</exception>
    public static FormationStore Open(string path, TimeProvider timeProvider, FormationStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var validated = (options ?? new FormationStoreOptions()).Validated();
        var file = StoreFile.Open(path);
        try
        {
            var recovered = Recover(file, validated.SampleBlockSize);
            var running = file.Read(database => new StoreCollections(database).Runs
                .Find(Query.EQ(RunDocument.Status, nameof(RunStatus.Running)))
                .Select(document => document["_id"].AsInt64)
                .ToList());
            return new FormationStore(file, timeProvider, validated, new ActiveRuns(running)) { RecoveredSamples = recovered };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stores everything still buffered, then closes the file.
    /// </summary>
    /// <exception cref="StorageException">Some samples could not be stored, or the file did not close cleanly.</exception>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _flushTimer.DisposeAsync().ConfigureAwait(false);
        if (_checkpointTimer is not null)
        {
            await _checkpointTimer.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await _writer.CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            _file.Dispose();
        }
    }

    private static int Recover(StoreFile file, int blockSize)
    {
        try
        {
            return SampleJournalRecovery.Recover(file.ForWriting(), blockSize);
        }
        catch (Exception e) when (e is not StorageException)
        {
            throw new StorageException($"Cannot open the store '{file.Path}': its sample journal could not be recovered: {e.Message}", file.Path, e);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
