using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Storage.Tests;

public sealed class FormationStoreRecoveryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task TheLatestCheckpointOfARunIsKeptAcrossReopen()
    {
        string path = _directory.File("checkpoints.db");
        long run;
        await using (var store = Open(path))
        {
            run = await store.StartRunAsync(TestRecords.Run());
            Assert.Null(store.FindCheckpoint(run));
            Assert.True(await store.SaveCheckpointAsync(new RunCheckpointRecord(run, TestRecords.Start, "{\"step\":0}")));
            Assert.True(await store.SaveCheckpointAsync(new RunCheckpointRecord(run, TestRecords.Start.AddMinutes(1), "{\"step\":1}")));
        }

        await using (var reopened = Open(path))
        {
            Assert.Equal(new RunCheckpointRecord(run, TestRecords.Start.AddMinutes(1), "{\"step\":1}"), reopened.FindCheckpoint(run));
        }
    }

    [Fact]
    public async Task ACheckpointOfAnUnknownRunIsRefusedWithTheRunAndFile()
    {
        await using var store = Open(_directory.File("unknown.db"));
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.SaveCheckpointAsync(new RunCheckpointRecord(42, TestRecords.Start, "{}")));
        Assert.Contains("run 42", error.Message, StringComparison.Ordinal);
        Assert.Contains(store.FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndedRunLosesItsCheckpointAndALaterOneIsDropped()
    {
        await using var store = Open(_directory.File("ended.db"));
        long run = await store.StartRunAsync(TestRecords.Run());
        await store.SaveCheckpointAsync(new RunCheckpointRecord(run, TestRecords.Start, "{\"step\":0}"));

        await store.CompleteRunAsync(run, RunStatus.Completed, TestRecords.Start.AddHours(1), "done");
        Assert.Null(store.FindCheckpoint(run));

        Assert.False(await store.SaveCheckpointAsync(new RunCheckpointRecord(run, TestRecords.Start.AddHours(2), "{\"step\":1}")));
        Assert.Null(store.FindCheckpoint(run));
    }

    [Fact]
    public async Task AProfileIsStoredOnceByHashAndTheFirstCopyStands()
    {
        string path = _directory.File("profiles.db");
        var profile = new StoredProfileRecord("abc", "formation", "1.2.0", "{\"format\":\"x\"}", TestRecords.Start);
        await using (var store = Open(path))
        {
            Assert.Null(store.FindProfile("abc"));
            Assert.Equal(profile, await store.SaveProfileAsync(profile));
            Assert.Equal(profile, await store.SaveProfileAsync(profile with { CanonicalText = "{}", StoredAt = TestRecords.Start.AddDays(1) }));
        }

        await using (var reopened = Open(path))
        {
            Assert.Equal(profile, reopened.FindProfile("abc"));
            Assert.Null(reopened.FindProfile("abd"));
        }
    }

    [Fact]
    public async Task AnIncompleteProfileOrCheckpointIsRefusedBeforeItIsQueued()
    {
        await using var store = Open(_directory.File("bad.db"));
        var profile = new StoredProfileRecord("abc", "formation", "1.2.0", " ", TestRecords.Start);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveProfileAsync(profile));
        Assert.Contains("CanonicalText", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveCheckpointAsync(new RunCheckpointRecord(1, TestRecords.Start, "")));
    }

    private static FormationStore Open(string path) => FormationStore.Open(path, new FakeTimeProvider(TestRecords.Start));
}
