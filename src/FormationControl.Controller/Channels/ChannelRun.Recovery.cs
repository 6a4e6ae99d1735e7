using FormationControl.Controller.Execution;
using FormationControl.Controller.Recording;
using FormationControl.Controller.Recovery;
using FormationControl.Core.Profiles;
using FormationControl.Core.Sequencing;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Channels;

// Checkpoints and the restart of a run from one. A restored run checks the first fresh status against its checkpoint
// before anything else: the device may have gone on, finished the step, or lost it while the controller was down.
public sealed partial class ChannelRun
{
    /// <summary>What the run needs to continue exactly from here after a restart (see <see cref="RunCheckpoint"/>).</summary>
    public RunCheckpoint CreateCheckpoint(DateTimeOffset now) => new()
    {
        SavedAt = now,
        State = _state == ChannelState.CommLoss ? _beforeCommLoss : _state,
        StepIndex = StepIndex,
        Sequence = _sequence,
        Leg = _leg,
        LegsDone = _legsDone,
        LegPart = _legPart,
        LegEnds = [.. _legEnds.Select(e => new LegEnd(e.VoltageV, e.CurrentA))],
        StepStartedAt = _stepStartedAt,
        ExpectedSequence = _expectedSequence,
        SoftwareEnd = _softwareEnd,
        JumpTo = _jumpTo,
        PausedStatus = _pausedStatus,
        CommLostSince = _commLostSince,
        ChargeAh = ChargeAh,
        DischargeAh = DischargeAh,
        ChargeWh = ChargeWh,
        DischargeWh = DischargeWh,
        StepResults = _stepResults,
        LastLogged = _logger.Reference,
        Reason = Reason,
        Cccv = _cccv?.State,
    };

    /// <summary>
    /// A run that ended Faulted before the restart and that nobody acknowledged: it holds its channel, Faulted with its
    /// reason, so that the channel refuses new starts until someone acknowledges the fault, as before the restart.
    /// </summary>
    public static ChannelRun RestoreFaulted(long runId, string cellId, Profile profile, IRunJournal journal, int stepIndex, string? reason)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ChannelRun(runId, cellId, profile, journal)
        {
            StepIndex = Math.Clamp(stepIndex, 0, Math.Max(0, profile.Steps.Count - 1)),
            Reason = reason,
            _state = ChannelState.Faulted,
        };
    }

    /// <summary>
    /// Rebuilds a run from its last checkpoint after the controller restarted. Its next status is reconciled with the
    /// checkpoint: a leg still running goes on; a leg the device ended meanwhile is recorded (once) and the run goes on;
    /// a start that never reached the device is sent again; a device that no longer holds the leg faults the run.
    /// </summary>
    /// <param name="runId">The stored run.</param>
    /// <param name="cellId">Its cell.</param>
    /// <param name="profile">Its profile (the one whose hash the run records).</param>
    /// <param name="journal">Where it records from now on.</param>
    /// <param name="checkpoint">Its last committed checkpoint.</param>
    /// <param name="storedStepResults">Step results of the run already in the store: a result the run would record
    /// again (committed after the checkpoint) is not written twice.</param>
    /// <exception cref="InvalidDataException">The checkpoint does not fit the profile or is in a state a run is never saved in.</exception>
    public static ChannelRun Restore(long runId, string cellId, Profile profile, IRunJournal journal, RunCheckpoint checkpoint, int storedStepResults)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.State is not (ChannelState.Starting or ChannelState.InStep or ChannelState.PausedByOperator))
        {
            throw new InvalidDataException($"run {runId}: a checkpoint in state {checkpoint.State} cannot be continued");
        }

        if ((uint)checkpoint.StepIndex >= (uint)profile.Steps.Count || profile.Steps[checkpoint.StepIndex].IsControl)
        {
            throw new InvalidDataException($"run {runId}: the checkpoint's step {checkpoint.StepIndex + 1} is not a step that runs in profile {profile.Name} {profile.Version}");
        }

        var step = profile.Steps[checkpoint.StepIndex];
        var legs = DeviceStepPlanner.PlanLegs(step);
        if ((uint)checkpoint.Leg >= (uint)legs.Count)
        {
            throw new InvalidDataException($"run {runId}: the checkpoint's leg {checkpoint.Leg + 1} is beyond the {legs.Count} leg(s) of step {checkpoint.StepIndex + 1}");
        }

        var run = new ChannelRun(runId, cellId, profile, journal)
        {
            StepIndex = checkpoint.StepIndex,
            Reason = checkpoint.Reason,
            ChargeAh = checkpoint.ChargeAh,
            DischargeAh = checkpoint.DischargeAh,
            ChargeWh = checkpoint.ChargeWh,
            DischargeWh = checkpoint.DischargeWh,
        };
        run._state = checkpoint.State;
        run._sequence = checkpoint.Sequence;
        run._legs = legs;
        run._leg = checkpoint.Leg;
        run._legsDone = checkpoint.LegsDone;
        run._legPart = checkpoint.LegPart;
        run._legEnds.AddRange(checkpoint.LegEnds.Select(e => (e.VoltageV, e.CurrentA)));
        run._stepStartedAt = checkpoint.StepStartedAt;
        run._expectedSequence = checkpoint.ExpectedSequence;
        run._softwareEnd = checkpoint.SoftwareEnd;
        run._jumpTo = checkpoint.JumpTo;
        run._pausedStatus = checkpoint.PausedStatus;
        run._commLostSince = checkpoint.CommLostSince;
        run._stepResults = checkpoint.StepResults;
        run._storedStepResults = storedStepResults;
        run._lastCheckpointAt = checkpoint.SavedAt;
        run._logger.Restore(step.Logging ?? profile.Logging, checkpoint.LastLogged);
        run._cccv = CccvPhaseSplit.For(step)?.Resume(checkpoint.Cccv);
        run._reconciling = true;
        run._unreachedInLeg = true; // nobody sent heartbeats while the controller was down
        return run;
    }

    /// <summary>True until a restored run has seen its first fresh status.</summary>
    public bool IsReconciling => _reconciling;

    // The command of the current leg: the whole leg, or what is left of it after an operator pause.
    private StepCommand PendingCommand => _legPart == default ? Plan.Command : RemainderOf(Plan.Command);

    // Null: the status is handled as usual (the leg runs on, or ended and is recorded once by the usual path).
    private ChannelAction? Reconcile(in ChannelStatus status, DateTimeOffset now)
    {
        ushort before = unchecked((ushort)(_expectedSequence - 1));
        if (_state == ChannelState.Starting && status.StepSequence == before && status.State is not (ChannelDeviceState.Running or ChannelDeviceState.Faulted))
        {
            // Saved before it was sent (write-ahead), and the controller stopped in between: the device never got it.
            _startPolls = 0;
            Reason = $"recovered: step {StepIndex + 1} sent again, the device had not received it";
            return ChannelAction.Start(PendingCommand);
        }

        if (status.StepSequence != _expectedSequence)
        {
            return Fail(
                $"recovery: the device no longer holds step {StepIndex + 1} (it reports {status.State}, step sequence {status.StepSequence}, expected {_expectedSequence}); "
                + "it was restarted or driven by someone else while the controller was down. The run is not restarted by itself: acknowledge and decide",
                now,
                outputOn: status.State == ChannelDeviceState.Running);
        }

        if (_state == ChannelState.InStep && status.State == ChannelDeviceState.StepComplete && status.EndReason == DeviceEndReason.Stopped
            && _softwareEnd is null && _jumpTo is null)
        {
            return StoppedBeforeRestart(status, now);
        }

        return null;
    }

    // Our stop reached the device, but the checkpoint saying why did not reach the store. A software limit that the
    // final counters show reached is taken as the end; otherwise (an operator pause, a dV/dt end) the run waits paused.
    private ChannelAction? StoppedBeforeRestart(in ChannelStatus status, DateTimeOffset now)
    {
        if (SoftwareLimitCheck.FirstReached(Plan.SoftwareLimits, status, _legsDone + status, voltsPerSecond: null) is { } reached)
        {
            _softwareEnd = reached;
            return null;
        }

        Log(status, now, boundary: true);
        _machine.Fire(ChannelTrigger.Pause);
        _pausedStatus = status;
        Reason = $"recovered: step {StepIndex + 1} had been stopped just before the controller restarted and it cannot tell why; resume, jump or stop it";
        return ChannelAction.None;
    }

    private ChannelAction Checkpointed(ChannelAction action, DateTimeOffset now)
    {
        SaveCheckpointIfDue(now);
        return action;
    }

    private OperatorResponse Checkpointed(OperatorResponse response, DateTimeOffset now)
    {
        SaveCheckpointIfDue(now);
        return response;
    }

    private void SaveCheckpointIfDue(DateTimeOffset now)
    {
        if (IsFinished || _state == ChannelState.Ready)
        {
            return; // an ended run is never continued; a run not begun has sent nothing and begins again
        }

        if (!_checkpointDue && _lastCheckpointAt is { } last && now - last < CheckpointInterval)
        {
            return;
        }

        _journal.SaveCheckpoint(RunId, CreateCheckpoint(now));
        _checkpointDue = false;
        _lastCheckpointAt = now;
    }
}
