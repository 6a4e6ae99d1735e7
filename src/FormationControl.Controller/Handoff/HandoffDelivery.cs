using FormationControl.Storage;

namespace FormationControl.Controller.Handoff;

/// <summary>
/// Delivers pending handoffs from the outbox to a target, at least once: a handoff stays pending until the target
/// took every file and that was recorded, so a crash anywhere means it is delivered again after a restart (the
/// target keeps one copy per lot and version). Delivered handoffs are never sent again.
/// </summary>
public sealed class HandoffDelivery(FormationStore store, string outbox, IHandoffTarget target, TimeProvider time)
{
    /// <summary>Tries every pending handoff (of <paramref name="lot"/> only, when given) once; returns them as recorded after the attempt.</summary>
    public async Task<IReadOnlyList<HandoffRecord>> DeliverPendingAsync(string? lot = null, CancellationToken cancellationToken = default)
    {
        var results = new List<HandoffRecord>();
        foreach (var handoff in store.GetHandoffs(lot, HandoffStatus.Pending))
        {
            string? error = null;
            try
            {
                await target.DeliverAsync(handoff, [.. handoff.Files.Select(f => Path.Combine(outbox, f))], cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                error = e.Message;
            }

            results.Add(await store.RecordHandoffAttemptAsync(handoff.Lot, handoff.LotVersion, time.GetUtcNow(), target.Name, error, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
