using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Storage.Tests;

public sealed class FormationStoreOperationsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AuditTrailKeepsEveryActionInOrderAcrossReopen()
    {
        string path = _directory.File("audit.db");
        await using (var store = Open(path))
        {
            var run = await store.StartRunAsync(TestRecords.Run());
            var first = await store.RecordAuditAsync(Audit("start", run, accepted: true, "started profile p 1.0"));
            var second = await store.RecordAuditAsync(Audit("jump", null, accepted: false, "jump needs the engineer role"));
            Assert.True(second.Id > first.Id);
        }

        await using (var reopened = Open(path))
        {
            var trail = reopened.GetAudit();
            Assert.Equal(["start", "jump"], trail.Select(a => a.Action));
            Assert.Equal(Audit("jump", null, accepted: false, "jump needs the engineer role") with { Id = trail[1].Id }, trail[1]);
            Assert.NotNull(trail[0].RunId);
        }
    }

    [Fact]
    public async Task AnIncompleteAuditRecordIsRefusedBeforeItIsQueued()
    {
        await using var store = Open(_directory.File("bad.db"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAuditAsync(Audit("start", null, true, "x") with { Operator = " " }));
        Assert.Empty(store.GetAudit());
    }

    [Fact]
    public async Task AReleaseIsFoundByHashAndTheFirstReleaseStands()
    {
        await using var store = Open(_directory.File("releases.db"));
        Assert.Null(store.FindRelease("abc"));

        var release = new ProfileReleaseRecord("abc", "formation", "1.2.0", "Ada", TestRecords.Start);
        Assert.Equal(release, await store.ReleaseProfileAsync(release));
        var again = await store.ReleaseProfileAsync(release with { ReleasedBy = "Bob", ReleasedAt = TestRecords.Start.AddDays(1) });

        Assert.Equal(release, again);
        Assert.Equal(release, store.FindRelease("abc"));
        Assert.Null(store.FindRelease("abd"));
    }

    private static FormationStore Open(string path) => FormationStore.Open(path, new FakeTimeProvider(TestRecords.Start));

    private static AuditRecord Audit(string action, long? run, bool accepted, string detail) =>
        new(0, TestRecords.Start, "Ada", "engineer", action, "U01/3", run, accepted, detail);
}
