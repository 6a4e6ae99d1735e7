using FormationControl.Controller.Recording;
using FormationControl.Controller.Recovery;
using FormationControl.Storage;

namespace FormationControl.ControllerBench;

/// <summary>Passes everything to the store's journal and counts it (units poll concurrently, so the counts are atomic).</summary>
internal sealed class CountingJournal(StoreJournal inner) : IRunJournal
{
    private long _samples;
    private long _stepResults;
    private long _runEnds;

    public long Samples => Interlocked.Read(ref _samples);

    public long StepResults => Interlocked.Read(ref _stepResults);

    public long RunEnds => Interlocked.Read(ref _runEnds);

    public void AppendSample(in SampleRecord sample)
    {
        inner.AppendSample(sample);
        Interlocked.Increment(ref _samples);
    }

    public void RecordStepResult(StepResultRecord result)
    {
        inner.RecordStepResult(result);
        Interlocked.Increment(ref _stepResults);
    }

    public void CompleteRun(long runId, RunStatus status, DateTimeOffset endedAt, string? note)
    {
        inner.CompleteRun(runId, status, endedAt, note);
        Interlocked.Increment(ref _runEnds);
    }

    public void SaveCheckpoint(long runId, RunCheckpoint checkpoint) => inner.SaveCheckpoint(runId, checkpoint);

    public Task WhenDurableAsync(long runId, CancellationToken cancellationToken) => inner.WhenDurableAsync(runId, cancellationToken);
}
