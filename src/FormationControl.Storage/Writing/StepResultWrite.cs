namespace FormationControl.Storage;

/// <summary>Stores a step result together with (or after) the samples of that step queued before it.</summary>
internal sealed class StepResultWrite(StepResultRecord result, string storePath, ActiveRuns activeRuns) : PendingWrite<bool>
{
    public override void OnDequeued(SampleBlockBuffer samples) => samples.CloseRun(result.RunId, result.StepIndex);

    protected override bool Execute(StoreCollections collections)
    {
        // A running run is known in memory; only a result for an ended (or unknown) run costs a lookup.
        if (!activeRuns.Contains(result.RunId) && collections.Runs.FindById(result.RunId) is null)
        {
            return Reject(new KeyNotFoundException(
                $"Step result of step {result.StepIndex} not recorded: run {result.RunId} does not exist in the store '{storePath}'."));
        }

        collections.StepResults.Insert(StepResultDocument.From(result));
        return true;
    }
}
