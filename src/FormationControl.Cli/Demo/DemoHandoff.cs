using FormationControl.Controller.Handoff;
using FormationControl.Storage;

namespace FormationControl.Cli.Demo;

/// <summary>
/// The demo's handoff to the packing line: the lot grading's JSON and CSV are written atomically into the outbox and
/// recorded pending, then delivered into the packing line's folder and recorded delivered (or the error, still pending).
/// </summary>
public static class DemoHandoff
{
    public static async Task<DemoHandoffSummary> RunAsync(
        FormationStore store, LotGrading grading, string outbox, string inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grading);
        var pending = await new HandoffOutbox(store, outbox, time).WriteAsync(grading, cancellationToken).ConfigureAwait(false);
        var attempts = await new HandoffDelivery(store, outbox, new FolderDropTarget(inbox), time).DeliverPendingAsync(grading.Lot, cancellationToken).ConfigureAwait(false);
        var record = attempts.FirstOrDefault(h => h.LotVersion == grading.Version) ?? pending;
        return new DemoHandoffSummary(
            Path.GetFullPath(outbox), Path.GetFullPath(inbox), [.. record.Files.Select(f => Path.GetFullPath(Path.Combine(inbox, f)))],
            record.Status.ToString(), record.Attempts, record.LastError, record.ContentSha256);
    }
}
