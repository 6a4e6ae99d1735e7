using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Storage.Tests;

public class FormationStoreHandoffsTests
{
    private static HandoffRecord Pending(int version = 1) =>
        new("LOT-A", version, "hash", 2, ["LOT-A-v1.json", "LOT-A-v1.csv"], "abc", TestRecords.Start, HandoffStatus.Pending, null, null, 0, null);

    [Fact]
    public async Task Pending_is_idempotent_and_delivered_is_final_across_reopen()
    {
        using var dir = new TempDirectory();
        string path = dir.File("h.db");
        await using (var store = FormationStore.Open(path, new FakeTimeProvider()))
        {
            await store.RecordHandoffPendingAsync(Pending());
            var again = await store.RecordHandoffPendingAsync(Pending() with { Cells = 99 });
            Assert.Equal(2, again.Cells); // the first record wins; nothing is overwritten
            var failed = await store.RecordHandoffAttemptAsync("LOT-A", 1, TestRecords.Start.AddMinutes(1), "folder:x", "disk full");
            Assert.Equal((HandoffStatus.Pending, 1, "disk full"), (failed.Status, failed.Attempts, failed.LastError));
            Assert.Single(store.GetHandoffs(status: HandoffStatus.Pending));
        }

        await using (var store = FormationStore.Open(path, new FakeTimeProvider()))
        {
            var delivered = await store.RecordHandoffAttemptAsync("LOT-A", 1, TestRecords.Start.AddMinutes(2), "folder:x", null);
            Assert.Equal((HandoffStatus.Delivered, 2, (string?)null), (delivered.Status, delivered.Attempts, delivered.LastError));
            var late = await store.RecordHandoffAttemptAsync("LOT-A", 1, TestRecords.Start.AddMinutes(3), "folder:x", "timeout");
            Assert.Equal(HandoffStatus.Delivered, late.Status);
            Assert.Empty(store.GetHandoffs(status: HandoffStatus.Pending));
            Assert.Equal(["LOT-A-v1.json", "LOT-A-v1.csv"], store.GetHandoffs("LOT-A").Single().Files);
        }
    }

    [Fact]
    public async Task An_attempt_on_an_unknown_handoff_is_refused()
    {
        using var dir = new TempDirectory();
        await using var store = FormationStore.Open(dir.File("h.db"), new FakeTimeProvider());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.RecordHandoffAttemptAsync("LOT-Z", 3, TestRecords.Start, "t", null));
    }
}
