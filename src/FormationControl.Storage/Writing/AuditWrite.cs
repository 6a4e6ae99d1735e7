namespace FormationControl.Storage;

/// <summary>Appends an operator action to the audit trail.</summary>
internal sealed class AuditWrite(AuditRecord audit) : PendingWrite<AuditRecord>
{
    protected override AuditRecord Execute(StoreCollections collections) =>
        audit with { Id = collections.Audit.Insert(AuditDocument.From(audit)).AsInt64 };
}
