namespace FormationControl.Storage;

/// <summary>
/// Replaces a run's checkpoint. A run that has already ended keeps none: the write is then dropped (false), so a
/// checkpoint queued behind the run's end cannot bring it back.
/// </summary>
internal sealed class CheckpointWrite(RunCheckpointRecord checkpoint, string storePath) : PendingWrite<bool>
{
    protected override bool Execute(StoreCollections collections)
    {
        if (collections.Runs.FindById(checkpoint.RunId) is not { } run)
        {
            return Reject(new KeyNotFoundException(
                $"Checkpoint not saved: run {checkpoint.RunId} does not exist in the store '{storePath}'."));
        }

        if (run[RunDocument.Status].AsString != nameof(RunStatus.Running))
        {
            return false;
        }

        collections.Checkpoints.Upsert(CheckpointDocument.From(checkpoint));
        return true;
    }
}
