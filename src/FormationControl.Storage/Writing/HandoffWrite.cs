namespace FormationControl.Storage;

/// <summary>
/// Records a handoff as pending unless one with its key exists (then that one is returned unchanged), or
/// records the outcome of a delivery attempt on an existing one.
/// </summary>
internal sealed class HandoffWrite : PendingWrite<HandoffRecord>
{
    private readonly HandoffRecord? _pending;
    private readonly (string Key, DateTimeOffset At, string Target, string? Error) _attempt;
    private readonly string _storePath;

    private HandoffWrite(HandoffRecord? pending, (string, DateTimeOffset, string, string?) attempt, string storePath)
    {
        _pending = pending;
        _attempt = attempt;
        _storePath = storePath;
    }

    public static HandoffWrite Pending(HandoffRecord handoff, string storePath) => new(handoff, default, storePath);

    public static HandoffWrite Attempted(string key, DateTimeOffset at, string target, string? error, string storePath) =>
        new(null, (key, at, target, error), storePath);

    protected override HandoffRecord Execute(StoreCollections collections)
    {
        if (_pending is { } pending)
        {
            if (collections.Handoffs.FindById(pending.Key) is { } existing)
            {
                return HandoffDocument.ToRecord(existing);
            }

            collections.Handoffs.Insert(HandoffDocument.From(pending));
            return pending;
        }

        if (collections.Handoffs.FindById(_attempt.Key) is not { } document)
        {
            return Reject(new KeyNotFoundException($"No handoff '{_attempt.Key}' in the store '{_storePath}'."));
        }

        var current = HandoffDocument.ToRecord(document);

        // Delivered is final: a late failure report of an earlier attempt must not undo it.
        var updated = current.Status == HandoffStatus.Delivered
            ? current with { Attempts = current.Attempts + 1 }
            : _attempt.Error is null
                ? current with { Status = HandoffStatus.Delivered, DeliveredAt = _attempt.At, Target = _attempt.Target, Attempts = current.Attempts + 1, LastError = null }
                : current with { Attempts = current.Attempts + 1, LastError = _attempt.Error, Target = _attempt.Target };
        collections.Handoffs.Update(HandoffDocument.From(updated));
        return updated;
    }
}
