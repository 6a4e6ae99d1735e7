using FormationControl.Controller.Recovery;
using FormationControl.Storage;

namespace FormationControl.Controller.Recording;

/// <summary>A <see cref="IRunJournal"/> over the LiteDB store, tracking writes that must be durable before a poll cycle ends.</summary>
public sealed class StoreJournal(FormationStore store) : IRunJournal
{
    private readonly object _gate = new();
    private List<(long RunId, Task Write)> _pending = [];

    public void AppendSample(in SampleRecord sample) => store.AppendSample(sample);

    public void RecordStepResult(StepResultRecord result) => Track(result.RunId, store.RecordStepResultAsync(result));

    public void CompleteRun(long runId, RunStatus status, DateTimeOffset endedAt, string? note) =>
        Track(runId, store.CompleteRunAsync(runId, status, endedAt, note));

    public void SaveCheckpoint(long runId, RunCheckpoint checkpoint) =>
        Track(runId, store.SaveCheckpointAsync(new RunCheckpointRecord(runId, checkpoint.SavedAt, checkpoint.ToJson())));

    public Task WhenDurableAsync(long runId, CancellationToken cancellationToken)
    {
        var writes = new List<Task>();
        lock (_gate)
        {
            foreach (var (run, write) in _pending)
            {
                if (run == runId)
                {
                    writes.Add(write);
                }
            }
        }

        return writes.Count == 0 ? Task.CompletedTask : Task.WhenAll(writes).WaitAsync(cancellationToken);
    }

    /// <summary>Waits until every step result, checkpoint and run completion recorded so far is committed; rethrows a storage failure.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        List<(long RunId, Task Write)> pending;
        lock (_gate)
        {
            pending = _pending;
            _pending = [];
        }

        if (pending.Count > 0)
        {
            await Task.WhenAll(pending.Select(p => p.Write)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Track(long runId, Task task)
    {
        lock (_gate)
        {
            _pending.Add((runId, task));
        }
    }
}
