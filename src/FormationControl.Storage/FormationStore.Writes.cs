namespace FormationControl.Storage;

public sealed partial class FormationStore
{
    /// <summary>Stores a new run and returns its id once the run is committed and accepts samples.</summary>
    /// <param name="run">The run; its <see cref="RunRecord.Id"/> is ignored. It must be <see cref="RunStatus.Running"/> without an end.</param>
    /// <param name="cancellationToken">Stops waiting; a queued run is still stored.</param>
    /// <exception cref="StorageException">The commit failed; the run was not stored.</exception>
    public Task<long> StartRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        RecordCheck.NotEmpty(run.CellId, nameof(run), "CellId");
        RecordCheck.NotEmpty(run.UnitName, nameof(run), "UnitName");
        RecordCheck.NotEmpty(run.ProfileName, nameof(run), "ProfileName");
        RecordCheck.NotEmpty(run.ProfileVersion, nameof(run), "ProfileVersion");
        RecordCheck.NotEmpty(run.ProfileHash, nameof(run), "ProfileHash");
        if (run.Status != RunStatus.Running || run.EndedAt is not null || run.EndNote is not null)
        {
            throw new ArgumentException(
                $"A new run of cell '{run.CellId}' must be Running with no EndedAt and no EndNote (got {run.Status}).", nameof(run));
        }

        return Enqueue(new StartRunWrite(run, _activeRuns), cancellationToken);
    }

    /// <summary>
    /// Queues a sample without blocking. It is committed within <see cref="FormationStoreOptions.FlushInterval"/>,
    /// with the run's next record, at <see cref="FlushAsync"/> or at dispose, whichever comes first.
    /// </summary>
    /// <exception cref="ArgumentException">The run is not running in this store.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite or too large to store.</exception>
    /// <exception cref="StorageException">Too many samples wait to be stored (see <see cref="FormationStoreOptions.MaxBufferedSamples"/>).</exception>
    public void AppendSample(in SampleRecord sample)
    {
        ThrowIfDisposed();
        if (!_activeRuns.Contains(sample.RunId))
        {
            throw new ArgumentException(
                $"Sample of run {sample.RunId} refused: the run is not running in the store '{FilePath}' "
                + "(start it with StartRunAsync; a completed run takes no more samples).",
                nameof(sample));
        }

        _writer.AppendSample(QuantisedSample.From(sample));
    }

    /// <summary>
    /// Stores a step result. The samples of that step appended before this call are committed with it
    /// or before it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The run does not exist.</exception>
    /// <exception cref="StorageException">The commit failed; the step result was not stored.</exception>
    public Task RecordStepResultAsync(StepResultRecord result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        RecordCheck.NotEmpty(result.StepType, nameof(result), "StepType");
        RecordCheck.NotEmpty(result.EndReason, nameof(result), "EndReason");
        return Enqueue(new StepResultWrite(result, FilePath, _activeRuns), cancellationToken);
    }

    /// <summary>Records how and when a run ended; its samples appended before this call are committed with it.</summary>
    /// <exception cref="KeyNotFoundException">The run does not exist.</exception>
    /// <exception cref="InvalidOperationException">The run has already ended.</exception>
    /// <exception cref="StorageException">The commit failed; the end was not stored.</exception>
    public Task CompleteRunAsync(
        long runId, RunStatus status, DateTimeOffset endedAt, string? note, CancellationToken cancellationToken = default)
    {
        if (status == RunStatus.Running || !Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"Run {runId} must end as Completed, Aborted or Faulted.");
        }

        return Enqueue(new CompleteRunWrite(runId, status, endedAt, note, _activeRuns, FilePath), cancellationToken);
    }

    /// <summary>Stores a grade as the cell's next version and returns it with its id and version.</summary>
    /// <param name="grade">The grade; its <see cref="GradeRecord.Id"/> and <see cref="GradeRecord.Version"/> are ignored.</param>
    /// <param name="cancellationToken">Stops waiting; a queued grade is still stored.</param>
    /// <exception cref="KeyNotFoundException">The grade's run does not exist.</exception>
    /// <exception cref="StorageException">The commit failed; the grade was not stored.</exception>
    public Task<GradeRecord> RecordGradeAsync(GradeRecord grade, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grade);
        RecordCheck.NotEmpty(grade.CellId, nameof(grade), "CellId");
        RecordCheck.NotEmpty(grade.RecipeName, nameof(grade), "RecipeName");
        RecordCheck.NotEmpty(grade.RecipeVersion, nameof(grade), "RecipeVersion");
        RecordCheck.NotEmpty(grade.RecipeHash, nameof(grade), "RecipeHash");
        RecordCheck.NotEmpty(grade.Grade, nameof(grade), "Grade");
        RecordCheck.NotEmpty(grade.Reason, nameof(grade), "Reason");
        return Enqueue(new GradeWrite(grade, FilePath), cancellationToken);
    }

    /// <summary>Completes once everything appended or recorded before the call is committed.</summary>
    /// <exception cref="StorageException">The commit failed; buffered samples are kept for the next attempt.</exception>
    public Task FlushAsync(CancellationToken cancellationToken = default) => Enqueue(new FlushWrite(), cancellationToken);

    private Task<T> Enqueue<T>(PendingWrite<T> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        _writer.Enqueue(write);
        return write.Task.WaitAsync(cancellationToken);
    }
}
