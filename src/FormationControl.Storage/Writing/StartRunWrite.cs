namespace FormationControl.Storage;

/// <summary>Stores a new run; its id comes back once it is committed and the run accepts samples.</summary>
internal sealed class StartRunWrite(RunRecord run, ActiveRuns activeRuns) : PendingWrite<long>
{
    protected override long Execute(StoreCollections collections) =>
        collections.Runs.Insert(RunDocument.ForNewRun(run)).AsInt64;

    protected override void OnCommitted(long result) => activeRuns.Add(result);
}
