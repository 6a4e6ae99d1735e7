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
}
