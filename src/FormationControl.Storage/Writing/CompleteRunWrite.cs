namespace FormationControl.Storage;

/// <summary>Records how and when a run ended (and drops its checkpoint). A run ends once; its end is never overwritten.</summary>
internal sealed class CompleteRunWrite(
    long runId, RunStatus status, DateTimeOffset endedAt, string? note, ActiveRuns activeRuns, string storePath)
    : PendingWrite<bool>
{
    public override void OnDequeued(SampleBlockBuffer samples) => samples.CloseRun(runId);

    protected override bool Execute(StoreCollections collections)
    {
        var document = collections.Runs.FindById(runId);
        if (document is null)
        {
            return Reject(new KeyNotFoundException($"Run {runId} not completed: it does not exist in the store '{storePath}'."));
        }

        var run = RunDocument.ToRecord(document);
        if (run.Status != RunStatus.Running)
        {
            return Reject(new InvalidOperationException(
                $"Run {runId} in the store '{storePath}' already ended ({run.Status} at {run.EndedAt:O}); "
                + "a run's end is recorded once and never overwritten."));
        }

        document[RunDocument.Status] = status.ToString();
        document[RunDocument.EndedAt] = BsonTime.Format(endedAt);
        document[RunDocument.EndNote] = note;
        collections.Runs.Update(document);
        collections.Checkpoints.Delete(runId); // an ended run is never continued: its checkpoint goes with its end
        return true;
    }

    protected override void OnCommitted(bool result) => activeRuns.Remove(runId);
}
