using FormationControl.Controller.Channels;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Core.Profiles;
using FormationControl.Storage;

namespace FormationControl.Controller.Recovery;

/// <summary>
/// Continues the runs a previous controller left open in the store (killed, crashed, powered off). Each Running run is
/// rebuilt from its last checkpoint and its stored profile and attached to its unit and channel again; what the device
/// did meanwhile is settled at the first poll (see <see cref="ChannelRun.Restore"/>). Runs that cannot be continued
/// here are reported and stay open in the store, untouched. A channel whose last run faulted and was never acknowledged
/// gets that run back, Faulted, so that it refuses new starts until someone acknowledges it.
/// </summary>
public static class RunRecovery
{
    /// <summary>The operator name recovery writes to the audit trail.</summary>
    public const string Operator = "controller";

    /// <summary>
    /// Finds the runs with status Running in <paramref name="store"/> and attaches each to its channel on
    /// <paramref name="units"/> (matched by unit name and 1-based channel), recording through <paramref name="journal"/>.
    /// Call it before the first poll and before starting anything new. Every run found is returned with what was done;
    /// each is written to the audit trail (action "recover").
    /// </summary>
    /// <param name="store">The rack's store.</param>
    /// <param name="units">The rack's units, as configured now.</param>
    /// <param name="journal">The journal the poller drains (the same one new runs use).</param>
    /// <param name="time">Controller time, for the audit trail.</param>
    /// <param name="cancellationToken">Stops waiting for the audit writes.</param>
    /// <param name="restoreUnacknowledgedFaults">Also give each channel whose last run faulted, unacknowledged, that run
    /// back (Faulted): what the service does, where technicians acknowledge faults. <c>fc run</c> reports faults when it
    /// exits and has no acknowledge command, so it does not.</param>
    /// <returns>One entry per Running run, oldest first: attached, or left open with the reason; then the faults restored.</returns>
    public static async Task<IReadOnlyList<RecoveredRun>> ReattachAsync(
        FormationStore store, IReadOnlyList<UnitSupervisor> units, IRunJournal journal, TimeProvider time, CancellationToken cancellationToken,
        bool restoreUnacknowledgedFaults = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(time);
        var recovered = new List<RecoveredRun>();
        foreach (var record in store.GetRuns().Where(r => r.Status == RunStatus.Running))
        {
            var outcome = Reattach(store, units, journal, record);
            recovered.Add(outcome);
            await store.RecordAuditAsync(
                new AuditRecord(0, time.GetUtcNow(), Operator, "system", "recover", $"{record.UnitName}/{record.Channel}", record.Id, outcome.IsAttached, outcome.Detail),
                cancellationToken).ConfigureAwait(false);
        }

        // A fault nobody acknowledged still blocks its channel after the restart: the channel's latest run, Faulted,
        // without an accepted "acknowledge" in the audit trail.
        if (!restoreUnacknowledgedFaults)
        {
            return recovered;
        }

        var acknowledged = store.GetAudit().Where(a => a is { Action: "acknowledge", Accepted: true, RunId: not null }).Select(a => a.RunId!.Value).ToHashSet();
        var latest = store.GetRuns().GroupBy(r => (r.UnitName, r.Channel)).Select(g => g.MaxBy(r => r.Id)!);
        foreach (var record in latest.Where(r => r.Status == RunStatus.Faulted && !acknowledged.Contains(r.Id)).OrderBy(r => r.Id))
        {
            var outcome = RestoreFault(store, units, journal, record);
            recovered.Add(outcome);
            await store.RecordAuditAsync(
                new AuditRecord(0, time.GetUtcNow(), Operator, "system", "recover", $"{record.UnitName}/{record.Channel}", record.Id, outcome.IsAttached, outcome.Detail),
                cancellationToken).ConfigureAwait(false);
        }

        return recovered;
    }

    private static RecoveredRun RestoreFault(FormationStore store, IReadOnlyList<UnitSupervisor> units, IRunJournal journal, RunRecord record)
    {
        int channel = record.Channel - 1;
        if (units.FirstOrDefault(u => u.Name == record.UnitName) is not { } unit || channel < 0 || channel >= unit.Driver.ChannelCount || unit.Runs.ContainsKey(channel))
        {
            return Left(record, $"run {record.Id} (cell {record.CellId}) faulted on {record.UnitName}/{record.Channel} and was not acknowledged; that channel is not free in this rack configuration");
        }

        if (store.FindProfile(record.ProfileHash) is not { } stored)
        {
            return Left(record, $"run {record.Id} (cell {record.CellId}) faulted and was not acknowledged; its profile is not in the store");
        }

        try
        {
            var profile = StoredProfileReader.Read(stored.CanonicalText, record.ProfileHash);
            int step = store.GetStepResults(record.Id) is { Count: > 0 } steps ? steps[^1].StepIndex : 0;
            var run = ChannelRun.RestoreFaulted(record.Id, record.CellId, profile, journal, step, record.EndNote);
            unit.Attach(channel, run);
            return new RecoveredRun(record, run, unit, $"run {record.Id} (cell {record.CellId}) on {record.UnitName}/{record.Channel} is Faulted and awaits acknowledgement: {record.EndNote}");
        }
        catch (InvalidDataException e)
        {
            return Left(record, $"run {record.Id} (cell {record.CellId}) faulted and was not acknowledged; its profile cannot be read: {e.Message}");
        }
    }

    private static RecoveredRun Reattach(FormationStore store, IReadOnlyList<UnitSupervisor> units, IRunJournal journal, RunRecord record)
    {
        string where = $"{record.UnitName}/{record.Channel}";
        if (units.FirstOrDefault(u => u.Name == record.UnitName) is not { } unit)
        {
            return Left(record, $"run {record.Id} (cell {record.CellId}) is on unit {record.UnitName}, which this rack configuration does not have; it stays open in the store");
        }

        int channel = record.Channel - 1;
        if (channel < 0 || channel >= unit.Driver.ChannelCount)
        {
            return Left(record, $"run {record.Id} (cell {record.CellId}) is on channel {record.Channel} of unit {unit.Name}, which has channels 1 to {unit.Driver.ChannelCount}; it stays open in the store");
        }

        if (unit.Runs.GetValueOrDefault(channel) is { IsFinished: false } busy)
        {
            return Left(record, $"run {record.Id} (cell {record.CellId}): {where} already carries run {busy.RunId} (cell {busy.CellId}); it stays open in the store");
        }

        if (store.FindProfile(record.ProfileHash) is not { } stored)
        {
            return Left(record, $"run {record.Id} (cell {record.CellId}): its profile {record.ProfileName} {record.ProfileVersion} (hash {Short(record.ProfileHash)}) is not in the store; it stays open");
        }

        ChannelRun run;
        string detail;
        try
        {
            var profile = StoredProfileReader.Read(stored.CanonicalText, record.ProfileHash);
            if (store.FindCheckpoint(record.Id) is { } saved)
            {
                var checkpoint = RunCheckpoint.FromJson(saved.Content);
                run = ChannelRun.Restore(record.Id, record.CellId, profile, journal, checkpoint, store.GetStepResults(record.Id).Count);
                detail = $"run {record.Id} (cell {record.CellId}) reattached on {where} at step {checkpoint.StepIndex + 1} ({checkpoint.State}, checkpoint of {checkpoint.SavedAt:O})";
            }
            else
            {
                // Step starts are committed before they are sent: without a checkpoint, the device was never told anything.
                run = new ChannelRun(record.Id, record.CellId, profile, journal);
                detail = $"run {record.Id} (cell {record.CellId}) reattached on {where}; it had sent nothing to the device yet and begins at the next poll";
            }
        }
        catch (InvalidDataException e)
        {
            return Left(record, $"run {record.Id} (cell {record.CellId}) cannot be continued: {e.Message}; it stays open in the store");
        }

        unit.Attach(channel, run);
        return new RecoveredRun(record, run, unit, detail);
    }

    private static RecoveredRun Left(RunRecord record, string detail) => new(record, null, null, detail);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
