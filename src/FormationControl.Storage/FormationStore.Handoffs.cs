using LiteDB;

namespace FormationControl.Storage;

public sealed partial class FormationStore
{
    /// <summary>
    /// Records a handoff as pending. Idempotent on its key (lot, lot version): if one exists, it is returned
    /// unchanged, whatever its status.
    /// </summary>
    /// <exception cref="StorageException">The commit failed.</exception>
    public Task<HandoffRecord> RecordHandoffPendingAsync(HandoffRecord handoff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        RecordCheck.NotEmpty(handoff.Lot, nameof(handoff), "Lot");
        RecordCheck.NotEmpty(handoff.ContentSha256, nameof(handoff), "ContentSha256");
        return Enqueue(HandoffWrite.Pending(handoff with { Status = HandoffStatus.Pending, DeliveredAt = null, Attempts = 0, LastError = null }, FilePath), cancellationToken);
    }

    /// <summary>Records a delivery attempt: delivered when <paramref name="error"/> is null (final), else the error stays pending.</summary>
    /// <exception cref="KeyNotFoundException">No handoff with that key.</exception>
    public Task<HandoffRecord> RecordHandoffAttemptAsync(
        string lot, int lotVersion, DateTimeOffset at, string target, string? error, CancellationToken cancellationToken = default)
    {
        RecordCheck.NotEmpty(lot, nameof(lot), "Lot");
        RecordCheck.NotEmpty(target, nameof(target), "Target");
        return Enqueue(HandoffWrite.Attempted($"{lot}/{lotVersion}", at, target, error, FilePath), cancellationToken);
    }

    /// <summary>Handoffs of a lot (all when null), optionally only those with <paramref name="status"/>, by creation.</summary>
    public IReadOnlyList<HandoffRecord> GetHandoffs(string? lot = null, HandoffStatus? status = null) =>
        Read(collections => (status is { } s ? collections.Handoffs.Find(Query.EQ(HandoffDocument.Status, s.ToString())) : collections.Handoffs.FindAll())
            .Select(HandoffDocument.ToRecord)
            .Where(h => lot is null || h.Lot == lot)
            .OrderBy(h => h.CreatedAt)
            .ThenBy(h => h.Lot, StringComparer.Ordinal)
            .ThenBy(h => h.LotVersion)
            .ToList());
}
