using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Measure;

/// <summary>
/// Stores a session's measurements in batches, so that a meter that vanishes halfway leaves everything measured
/// before it in the store: each full batch is committed at once, the rest when the session ends or aborts.
/// </summary>
public sealed class SessionRecorder(FormationStore store, int batchSize = SessionRecorder.DefaultBatchSize)
{
    /// <summary>Measurements per commit.</summary>
    public const int DefaultBatchSize = 16;

    private readonly List<AgeingMeasurementRecord> _pending = new(batchSize);

    /// <summary>Measurements committed so far.</summary>
    public int Stored { get; private set; }

    /// <summary>Adds one measurement; commits the batch when it is full.</summary>
    /// <exception cref="StorageException">The commit failed; the batch stays pending.</exception>
    public async Task AddAsync(AgeingMeasurementRecord measurement, CancellationToken cancellationToken)
    {
        _pending.Add(measurement);
        if (_pending.Count >= batchSize)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Commits what is pending, in one transaction.</summary>
    /// <exception cref="StorageException">The commit failed; the batch stays pending.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await store.RecordAgeingMeasurementsAsync([.. _pending], cancellationToken).ConfigureAwait(false);
        Stored += _pending.Count;
        _pending.Clear();
    }
}
