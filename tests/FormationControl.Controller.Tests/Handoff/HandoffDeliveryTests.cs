using FormationControl.Controller.Handoff;
using FormationControl.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Controller.Tests.Handoff;

public sealed class HandoffDeliveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-handoff-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string DbPath => Path.Combine(_dir, "fc.db");

    private string Outbox => Path.Combine(_dir, "outbox");

    private string Inbox => Path.Combine(_dir, "inbox");

    private async Task<LotGrading> GradedLotAsync(FormationStore store)
    {
        long run = await store.StartRunAsync(new RunRecord(0, "CELL-1", "LOT-1", "sim", 1, "p", "1", "h", _time.GetUtcNow(), null, RunStatus.Running, null));
        await store.CompleteRunAsync(run, RunStatus.Completed, _time.GetUtcNow(), null);
        var grade = new GradeRecord(0, "CELL-1", "LOT-1", run, "nmc", "1", "abc", 101, "A", "ok", 0, _time.GetUtcNow());
        return await store.RecordLotGradingAsync(new LotGrading("LOT-1", 0, "nmc", "1", "abc", _time.GetUtcNow(), [grade]));
    }

    [Fact]
    public async Task Outbox_writes_json_and_csv_and_records_the_handoff_pending_once()
    {
        await using var store = FormationStore.Open(DbPath, _time);
        var grading = await GradedLotAsync(store);
        var outbox = new HandoffOutbox(store, Outbox, _time);

        var first = await outbox.WriteAsync(grading);
        _time.Advance(TimeSpan.FromMinutes(1));
        var again = await outbox.WriteAsync(grading);

        Assert.Equal(HandoffStatus.Pending, first.Status);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Equal(["LOT-1.v1.handoff.csv", "LOT-1.v1.handoff.json"], Directory.GetFiles(Outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(HandoffDocument.Of(grading).JsonSha256, first.ContentSha256);
        Assert.Single(store.GetHandoffs("LOT-1"));
    }

    [Fact]
    public async Task A_crash_before_delivery_is_delivered_after_reopening_and_a_second_delivery_leaves_one_copy()
    {
        await using (var store = FormationStore.Open(DbPath, _time))
        {
            await new HandoffOutbox(store, Outbox, _time).WriteAsync(await GradedLotAsync(store));
        } // "crash": the process ends before any delivery

        await using (var reopened = FormationStore.Open(DbPath, _time))
        {
            var delivery = new HandoffDelivery(reopened, Outbox, new FolderDropTarget(Inbox), _time);
            var delivered = await delivery.DeliverPendingAsync();
            var secondRound = await delivery.DeliverPendingAsync();

            Assert.Equal(HandoffStatus.Delivered, Assert.Single(delivered).Status);
            Assert.Empty(secondRound);
            Assert.Equal(1, reopened.GetHandoffs("LOT-1").Single().Attempts);
        }

        Assert.Equal(["LOT-1.v1.handoff.csv", "LOT-1.v1.handoff.json"], Directory.GetFiles(Inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Outbox, "LOT-1.v1.handoff.json")), await File.ReadAllBytesAsync(Path.Combine(Inbox, "LOT-1.v1.handoff.json")));
    }

    [Fact]
    public async Task A_crash_after_the_drop_but_before_recording_it_delivers_again_to_the_same_single_file()
    {
        await using var store = FormationStore.Open(DbPath, _time);
        var pending = await new HandoffOutbox(store, Outbox, _time).WriteAsync(await GradedLotAsync(store));
        var target = new FolderDropTarget(Inbox);
        await target.DeliverAsync(pending, [.. pending.Files.Select(f => Path.Combine(Outbox, f))], CancellationToken.None); // not recorded

        var delivered = await new HandoffDelivery(store, Outbox, target, _time).DeliverPendingAsync();

        Assert.Equal(HandoffStatus.Delivered, Assert.Single(delivered).Status);
        Assert.Equal(2, Directory.GetFiles(Inbox).Length);
    }

    [Fact]
    public async Task A_failed_delivery_stays_pending_with_the_error_and_succeeds_later()
    {
        await using var store = FormationStore.Open(DbPath, _time);
        await new HandoffOutbox(store, Outbox, _time).WriteAsync(await GradedLotAsync(store));
        await File.WriteAllTextAsync(Inbox, "a file where the inbox folder should be");
        var delivery = new HandoffDelivery(store, Outbox, new FolderDropTarget(Inbox), _time);

        var failed = Assert.Single(await delivery.DeliverPendingAsync());
        File.Delete(Inbox);
        var succeeded = Assert.Single(await delivery.DeliverPendingAsync());

        Assert.Equal(HandoffStatus.Pending, failed.Status);
        Assert.Contains(Inbox, failed.LastError);
        Assert.Equal(HandoffStatus.Delivered, succeeded.Status);
        Assert.Equal(2, succeeded.Attempts);
    }
}
