using FormationControl.Storage;

namespace FormationControl.Controller.Recording;

/// <summary>A <see cref="IRunJournal"/> over the LiteDB store, tracking writes that must be durable before a poll cycle ends.</summary>
public sealed class StoreJournal(FormationStore store) : IRunJournal
{
    private readonly object _gate = new();
    private List<Task> _pending = [];

    public void AppendSample(in SampleRecord sample) => store.AppendSample(sample);

    public void RecordStepResult(StepResultRecord result) => Track(store.RecordStepResultAsync(result));

    public void CompleteRun(long runId, RunStatus status, DateTimeOffset endedAt, string? note) =>
        Track(store.CompleteRunAsync(runId, status, endedAt, note));

    /// <summary>Waits until every step result and run completion recorded so far is committed; rethrows a storage failure.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        List<Task> pending;
        lock (_gate)
        {
            pending = _pending;
            _pending = [];
        }

        if (pending.Count > 0)
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _pending.Add(task);
        }
    }
}
