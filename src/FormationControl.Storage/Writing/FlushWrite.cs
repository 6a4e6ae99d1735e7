namespace FormationControl.Storage;

/// <summary>Completes once everything queued before it is committed.</summary>
internal sealed class FlushWrite : PendingWrite<bool>
{
    protected override bool Execute(StoreCollections collections) => true;
}
