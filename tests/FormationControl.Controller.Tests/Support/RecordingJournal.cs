using FormationControl.Controller.Recording;
using FormationControl.Controller.Recovery;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Support;

/// <summary>Keeps what a run recorded, for assertions on the run's decisions alone (storage has its own tests).</summary>
internal sealed class RecordingJournal : IRunJournal
{
    public List<SampleRecord> Samples { get; } = [];

    public List<StepResultRecord> Steps { get; } = [];

    public List<(long RunId, RunStatus Status, string? Note)> Completions { get; } = [];

    public void AppendSample(in SampleRecord sample) => Samples.Add(sample);

    public void RecordStepResult(StepResultRecord result) => Steps.Add(result);

    public List<RunCheckpoint> Checkpoints { get; } = [];

    public void CompleteRun(long runId, RunStatus status, DateTimeOffset endedAt, string? note) => Completions.Add((runId, status, note));

    public void SaveCheckpoint(long runId, RunCheckpoint checkpoint) => Checkpoints.Add(checkpoint);

    public Task WhenDurableAsync(long runId, CancellationToken cancellationToken) => Task.CompletedTask;
}
