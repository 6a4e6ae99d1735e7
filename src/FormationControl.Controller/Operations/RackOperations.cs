using FormationControl.Controller.Channels;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Controller.Recovery;
using FormationControl.Devices.Cycler;
using FormationControl.Storage;

namespace FormationControl.Controller.Operations;

/// <summary>
/// What technicians and engineers do to a rack's channels: start batches, pause, resume, stop, jump, acknowledge.
/// Channels are numbered 1..N over the units in configuration order. Each request is carried out by the channel's
/// unit at its next poll (so the tasks complete after that poll), and every request, accepted or refused, is
/// written to the audit trail before its task completes.
/// </summary>
public sealed class RackOperations(IReadOnlyList<UnitSupervisor> units, FormationStore store, IRunJournal journal, TimeProvider time)
{
    public int ChannelCount { get; } = units.Sum(u => u.Driver.ChannelCount);

    /// <summary>Starts the profile on every requested channel that passes its checks; one outcome per channel.</summary>
    public async Task<IReadOnlyList<ChannelOutcome>> StartAsync(StartRequest request, OperatorIdentity who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? refusal = BatchRefusal(request, who);
        // Kept by hash so that a restarted controller can continue the runs without the file; committed before any run starts.
        Task profileStored = refusal is null && request.Profile.Profile is { } profile
            ? store.SaveProfileAsync(StoredProfileReader.ToRecord(profile, time.GetUtcNow()), cancellationToken)
            : Task.CompletedTask;
        var pending = new List<Task<ChannelOutcome>>();
        foreach (int channel in request.Channels)
        {
            pending.Add(refusal is not null || !request.Cells.TryGetValue(channel, out string? cell)
                ? Refused(channel, who, refusal ?? $"no cell: the tray has no barcode for position {channel}", cancellationToken)
                : SubmitAsync(channel, "start", who, StartOn(request, cell, profileStored), cancellationToken));
        }

        return await Task.WhenAll(pending).ConfigureAwait(false);
    }

    public Task<ChannelOutcome> PauseAsync(int channel, OperatorIdentity who, CancellationToken cancellationToken = default) =>
        SubmitAsync(channel, "pause", who, OnRun(c => c.Run!.Pause(c.Now)), cancellationToken);

    public Task<ChannelOutcome> ResumeAsync(int channel, OperatorIdentity who, CancellationToken cancellationToken = default) =>
        SubmitAsync(channel, "resume", who, OnRun(c => c.Run!.Resume(c.Status, c.Now)), cancellationToken);

    public Task<ChannelOutcome> StopAsync(int channel, OperatorIdentity who, CancellationToken cancellationToken = default) =>
        SubmitAsync(channel, "stop", who, OnRun(c => c.Run!.Stop(c.Status, c.Now, who.Name)), cancellationToken);

    public Task<ChannelOutcome> AcknowledgeAsync(int channel, OperatorIdentity who, CancellationToken cancellationToken = default) =>
        SubmitAsync(channel, "acknowledge", who, OnRun(c => c.Run!.Acknowledge(c.Status, who.Name)), cancellationToken);

    /// <summary>Jumps to a 1-based step number or a step label. Engineers only.</summary>
    public Task<ChannelOutcome> JumpAsync(int channel, string step, OperatorIdentity who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (who.Role != OperatorRole.Engineer)
        {
            return Refused(channel, who, $"a jump to step {step} needs the engineer role", cancellationToken, "jump");
        }

        return SubmitAsync(channel, "jump", who, OnRun(c =>
        {
            var steps = c.Run!.Profile.Steps;
            int index = int.TryParse(step, out int number) ? number - 1 : steps.ToList().FindIndex(s => s.Label == step);
            return index < 0 && !int.TryParse(step, out _)
                ? OperatorResponse.Refuse($"the profile has no step labelled '{step}'")
                : c.Run.Jump(index, c.Now);
        }), cancellationToken);
    }

    /// <summary>The unit and its 0-based channel for a rack channel number.</summary>
    public (UnitSupervisor Unit, int Channel) Locate(int rackChannel)
    {
        int first = 1;
        foreach (var unit in units)
        {
            if (rackChannel < first + unit.Driver.ChannelCount && rackChannel >= first)
            {
                return (unit, rackChannel - first);
            }

            first += unit.Driver.ChannelCount;
        }

        throw new ArgumentOutOfRangeException(nameof(rackChannel), rackChannel, $"The rack has channels 1 to {ChannelCount}.");
    }

    private string? BatchRefusal(StartRequest request, OperatorIdentity who)
    {
        if (request.Profile.Profile is not { } profile)
        {
            var problems = request.Profile.Diagnostics;
            return $"profile invalid: {problems.Count} problem(s){(problems.Count > 0 ? ", first " + problems[0] : string.Empty)}";
        }

        if (request.Engineering)
        {
            return who.Role == OperatorRole.Engineer ? null : "engineering mode needs the engineer role";
        }

        return store.FindRelease(profile.Hash) is null
            ? $"profile not released: {profile.Name} {profile.Version} (hash {profile.Hash[..12]}) has no release; release it with 'fc profile release' or start in engineering mode"
            : null;
    }

    private ChannelOperation StartOn(StartRequest request, string cell, Task profileStored) => async (c, ct) =>
    {
        var profile = request.Profile.Profile!;
        if (c.Run is { } existing && (!existing.IsFinished || existing.State == ChannelState.Faulted))
        {
            return OperatorResponse.Refuse(existing.State == ChannelState.Faulted
                ? $"channel busy: cell {existing.CellId} faulted ({existing.Reason}); acknowledge the fault first"
                : $"channel busy: cell {existing.CellId} is {existing.State} on {existing.Profile.Name}");
        }

        string? deviceRefusal = c.Status switch
        {
            null => $"unit {c.Unit.Name} did not answer; the channel cannot be checked",
            { State: ChannelDeviceState.Faulted } s => $"channel busy: the device holds a latched fault ({s.FaultCode})",
            { State: ChannelDeviceState.Running } => "channel busy: the device is running a step nobody here started",
            { ContactOk: false } => $"contact check failed: no contact to cell {cell}",
            _ => null,
        };
        if (deviceRefusal is not null)
        {
            return OperatorResponse.Refuse(deviceRefusal);
        }

        await profileStored.WaitAsync(ct).ConfigureAwait(false);
        var record = new RunRecord(0, cell, request.Lot, c.Unit.Name, c.Channel + 1, profile.Name, profile.Version, profile.Hash, c.Now, null, RunStatus.Running, null);
        long runId = await store.StartRunAsync(record, ct).ConfigureAwait(false);
        var run = new ChannelRun(runId, cell, profile, journal);
        c.Unit.Attach(c.Channel, run);
        var action = run.Begin(c.Status!.Value, c.Now);
        string mode = request.Engineering ? " in engineering mode" : string.Empty;
        return new OperatorResponse(!run.IsFinished, run.IsFinished ? run.Reason! : $"run {runId}: cell {cell} started on {profile.Name} {profile.Version}{mode}", action);
    };

    private static ChannelOperation OnRun(Func<ChannelContext, OperatorResponse> act) => (c, _) =>
        ValueTask.FromResult(c.Run is null ? OperatorResponse.Refuse("the channel has no run") : act(c));

    private async Task<ChannelOutcome> SubmitAsync(int channel, string action, OperatorIdentity who, ChannelOperation operation, CancellationToken cancellationToken)
    {
        if (channel < 1 || channel > ChannelCount)
        {
            return await Refused(channel, who, $"the rack has channels 1 to {ChannelCount}", cancellationToken, action).ConfigureAwait(false);
        }

        var (unit, index) = Locate(channel);
        long? runId = null;
        var response = await unit.SubmitAsync(index, async (c, ct) =>
        {
            var r = await operation(c, ct).ConfigureAwait(false);
            runId = c.Unit.Runs.GetValueOrDefault(c.Channel)?.RunId;
            return r;
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
        return await AuditAsync(new ChannelOutcome(channel, $"{unit.Name}/{index + 1}", response.Accepted, response.Detail, runId), action, who, cancellationToken).ConfigureAwait(false);
    }

    private Task<ChannelOutcome> Refused(int channel, OperatorIdentity who, string reason, CancellationToken cancellationToken, string action = "start")
    {
        string target = channel >= 1 && channel <= ChannelCount ? $"{Locate(channel).Unit.Name}/{Locate(channel).Channel + 1}" : $"channel {channel}";
        return AuditAsync(new ChannelOutcome(channel, target, false, reason, null), action, who, cancellationToken);
    }

    private async Task<ChannelOutcome> AuditAsync(ChannelOutcome outcome, string action, OperatorIdentity who, CancellationToken cancellationToken)
    {
        await store.RecordAuditAsync(
            new AuditRecord(0, time.GetUtcNow(), who.Name, who.RoleText, action, outcome.Target, outcome.RunId, outcome.Accepted, outcome.Detail),
            cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}
