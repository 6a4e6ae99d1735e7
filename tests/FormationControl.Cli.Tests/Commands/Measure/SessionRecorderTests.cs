using FormationControl.Cli.Commands.Measure;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Measure;

public sealed class SessionRecorderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-recorder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Commits_each_full_batch_at_once_and_the_rest_on_flush()
    {
        await using var store = FormationStore.Open(Path.Combine(_dir, "s.db"), TimeProvider.System);
        var recorder = new SessionRecorder(store, batchSize: 4);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        for (int i = 0; i < 6; i++)
        {
            await recorder.AddAsync(new AgeingMeasurementRecord(0, $"C{i}", "ocv1", "st", at.AddSeconds(i), 3.6, 0.0005, 25), CancellationToken.None);
        }

        Assert.Equal(4, recorder.Stored);
        Assert.Equal(4, store.GetAgeingMeasurements().Count);
        await recorder.FlushAsync(CancellationToken.None);
        Assert.Equal(6, recorder.Stored);
        Assert.Equal(["C0", "C1", "C2", "C3", "C4", "C5"], store.GetAgeingMeasurements().Select(m => m.CellId).ToArray());
    }
}
