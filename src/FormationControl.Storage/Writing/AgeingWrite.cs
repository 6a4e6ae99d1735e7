namespace FormationControl.Storage;

/// <summary>Stores the measurements of an ageing session (or part of one) in one transaction.</summary>
internal sealed class AgeingWrite(IReadOnlyList<AgeingMeasurementRecord> measurements) : PendingWrite<IReadOnlyList<AgeingMeasurementRecord>>
{
    protected override IReadOnlyList<AgeingMeasurementRecord> Execute(StoreCollections collections) =>
        [.. measurements.Select(m => m with { Id = collections.Ageing.Insert(AgeingDocument.ForNew(m)).AsInt64 })];
}
