using FormationControl.Controller.Recovery;
using FormationControl.Storage;

namespace FormationControl.Controller.Recording;

/// <summary>
/// Where a channel's run writes what happened. Calls return at once; the journal makes them durable and
/// its owner awaits that before the run moves on (see <see cref="StoreJournal.DrainAsync"/>).
/// </summary>
public interface IRunJournal
{
    void AppendSample(in SampleRecord sample);

    void RecordStepResult(StepResultRecord result);

    void CompleteRun(long runId, RunStatus status, DateTimeOffset endedAt, string? note);

    /// <summary>Replaces the run's checkpoint (what a restarted controller continues from).</summary>
    void SaveCheckpoint(long runId, RunCheckpoint checkpoint);

    /// <summary>
    /// Completes once everything <paramref name="runId"/> recorded so far is durable; throws when some of it failed.
    /// A unit's supervisor awaits it before it sends a step start (write-ahead), so that the store always knows every
    /// step a device was told to run.
    /// </summary>
    Task WhenDurableAsync(long runId, CancellationToken cancellationToken);
}
