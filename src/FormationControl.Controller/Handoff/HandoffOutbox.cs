using FormationControl.Storage;

namespace FormationControl.Controller.Handoff;

/// <summary>
/// Writes a lot grading's handoff into the outbox folder (atomically) and records it pending in the store. The files
/// go first: a pending record always has its files, and a crash between the two only leaves files that the next
/// call rewrites with the same bytes.
/// </summary>
public sealed class HandoffOutbox(FormationStore store, string folder, TimeProvider time)
{
    /// <summary>The outbox folder.</summary>
    public string Folder { get; } = folder ?? throw new ArgumentNullException(nameof(folder));

    /// <summary>Writes and records the handoff of <paramref name="grading"/>; an existing record of that key is returned unchanged.</summary>
    /// <exception cref="IOException">The outbox cannot be written.</exception>
    public async Task<HandoffRecord> WriteAsync(LotGrading grading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grading);
        var existing = store.GetHandoffs(grading.Lot).FirstOrDefault(h => h.LotVersion == grading.Version);
        if (existing is not null)
        {
            return existing;
        }

        var document = HandoffDocument.Of(grading);
        await AtomicFile.WriteAsync(Path.Combine(Folder, document.CsvFileName), document.Csv, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAsync(Path.Combine(Folder, document.JsonFileName), document.Json, cancellationToken).ConfigureAwait(false);
        var pending = new HandoffRecord(
            grading.Lot, grading.Version, grading.RecipeHash, grading.Grades.Count, [document.JsonFileName, document.CsvFileName],
            document.JsonSha256, time.GetUtcNow(), HandoffStatus.Pending, null, null, 0, null);
        return await store.RecordHandoffPendingAsync(pending, cancellationToken).ConfigureAwait(false);
    }
}
