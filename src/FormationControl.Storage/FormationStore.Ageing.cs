using LiteDB;

namespace FormationControl.Storage;

public sealed partial class FormationStore
{
    /// <summary>Stores ageing measurements (a session, or part of one) in one transaction and returns them with ids.</summary>
    /// <exception cref="ArgumentException">A measurement has no cell, session or station, or a value is not finite.</exception>
    /// <exception cref="StorageException">The commit failed; nothing was stored.</exception>
    public Task<IReadOnlyList<AgeingMeasurementRecord>> RecordAgeingMeasurementsAsync(
        IReadOnlyList<AgeingMeasurementRecord> measurements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        foreach (var m in measurements)
        {
            RecordCheck.NotEmpty(m.CellId, nameof(measurements), "CellId");
            RecordCheck.NotEmpty(m.Session, nameof(measurements), "Session");
            RecordCheck.NotEmpty(m.Station, nameof(measurements), "Station");
            if (!double.IsFinite(m.OcvV) || !double.IsFinite(m.TemperatureC) || m.AcirOhm is { } acir && !double.IsFinite(acir))
            {
                throw new ArgumentException($"Ageing measurement of cell '{m.CellId}' in session '{m.Session}' has a value that is not a finite number.", nameof(measurements));
            }
        }

        return Enqueue(new AgeingWrite(measurements), cancellationToken);
    }

    /// <summary>Ageing measurements of one cell (of every cell when null), by time.</summary>
    public IReadOnlyList<AgeingMeasurementRecord> GetAgeingMeasurements(string? cellId = null) =>
        Read(collections => (cellId is null ? collections.Ageing.FindAll() : collections.Ageing.Find(Query.EQ(AgeingDocument.Cell, cellId)))
            .Select(AgeingDocument.ToRecord)
            .OrderBy(m => m.MeasuredAt)
            .ThenBy(m => m.Id)
            .ToList());
}
