using FormationControl.Controller.Execution;
using FormationControl.Devices.Cycler;
using FormationControl.Storage;

namespace FormationControl.Controller.Channels;

// Operator requests. Like everything else on a run they are only called from its unit's poll, with the
// status just read (null when the unit did not answer), so the run is never touched by two threads.
public sealed partial class ChannelRun
{
    /// <summary>Stops the output of the running step; <see cref="Resume"/> continues it with what is left of its limits.</summary>
    public OperatorResponse Pause(DateTimeOffset now)
    {
        if (!_machine.CanFire(ChannelTrigger.Pause))
        {
            return OperatorResponse.Refuse(
                _state == ChannelState.Starting ? "the channel is starting a step; pause it once the device has taken the step (next poll)"
                : _state == ChannelState.CommLoss ? "the unit stopped answering while the channel was starting a step; pause it once the unit answers"
                : $"only a running step can be paused; the channel is {_state}");
        }

        bool silent = _state == ChannelState.CommLoss;
        _machine.Fire(ChannelTrigger.Pause);
        _commLostSince = null;
        _pausedStatus = null;
        Reason = $"paused at step {StepIndex + 1}";
        string message = silent
            ? $"step {StepIndex + 1} paused; its unit is not answering, so the output-off command is sent again until it answers (its watchdog turns the output off meanwhile)"
            : $"step {StepIndex + 1} paused, output off";
        return Checkpointed(OperatorResponse.Accept(message, ChannelAction.StopOutput), now);
    }

    /// <summary>
    /// Continues a paused run: the step it was in, with the time and charge it already ran counted. <paramref name="status"/>
    /// (this poll's, null when the unit did not answer) may be the device's confirmation that the output is off.
    /// </summary>
    public OperatorResponse Resume(ChannelStatus? status, DateTimeOffset now)
    {
        if (_state != ChannelState.PausedByOperator)
        {
            return OperatorResponse.Refuse($"only a run paused by an operator can be resumed; the channel is {_state}");
        }

        if (_pausedStatus is null && status is { } fresh)
        {
            WhilePaused(fresh, now);
            if (IsFinished)
            {
                return OperatorResponse.Refuse($"the run faulted while paused: {Reason}");
            }
        }

        if (_pausedStatus is not { } paused)
        {
            return OperatorResponse.Refuse("the device has not confirmed that the output is off yet; resume after the next poll");
        }

        _machine.Fire(ChannelTrigger.Resume);
        // A watchdog stop while paused is the pause itself (the unit was silent when it was asked for).
        if (paused.EndReason is not (DeviceEndReason.Stopped or DeviceEndReason.Watchdog))
        {
            // The device ended the step by its own cut-off before the stop arrived: that end stands.
            return Checkpointed(OperatorResponse.Accept($"step {StepIndex + 1} had ended ({paused.EndReason}); continuing with the next", EndLeg(paused, now, logged: true)), now);
        }

        return Checkpointed(OperatorResponse.Accept($"step {StepIndex + 1} resumed", ContinueLeg(paused, $"resumed step {StepIndex + 1}")), now);
    }

    /// <summary>Ends the run as Aborted; the running step's result is recorded up to now when the device's counters are fresh.</summary>
    public OperatorResponse Stop(ChannelStatus? status, DateTimeOffset now, string who)
    {
        if (IsFinished || !_machine.CanFire(ChannelTrigger.Stop))
        {
            return OperatorResponse.Refuse($"the run is already {_state}");
        }

        string note = $"stopped by {who}";
        var final = _state == ChannelState.PausedByOperator ? _pausedStatus : _state == ChannelState.InStep ? status : null;
        if (final is { } s && s.StepSequence == _expectedSequence && s.State is ChannelDeviceState.Running or ChannelDeviceState.StepComplete)
        {
            Log(s, now, boundary: true);
            RecordStep(s, now, note);
        }

        bool wasReady = _state == ChannelState.Ready;
        _machine.Fire(ChannelTrigger.Stop);
        Reason = note;
        _journal.CompleteRun(RunId, RunStatus.Aborted, now, note);
        return OperatorResponse.Accept($"run aborted at step {StepIndex + 1}", wasReady ? ChannelAction.None : ChannelAction.StopOutput);
    }

    /// <summary>
    /// Ends the current step (recorded with the reason "operator jump") and goes on at <paramref name="stepIndex"/>
    /// with the loop counters as they are. Engineers only: the caller checks the role.
    /// </summary>
    public OperatorResponse Jump(int stepIndex, DateTimeOffset now)
    {
        if ((uint)stepIndex >= (uint)Profile.Steps.Count)
        {
            return OperatorResponse.Refuse($"the profile has steps 1 to {Profile.Steps.Count}; there is no step {stepIndex + 1}");
        }

        switch (_state)
        {
            case ChannelState.InStep when _jumpTo is null:
                _jumpTo = stepIndex;
                _checkpointDue = true;
                return Checkpointed(OperatorResponse.Accept($"step {StepIndex + 1} is being stopped; step {stepIndex + 1} follows", ChannelAction.StopOutput), now);
            case ChannelState.PausedByOperator when _pausedStatus is { } paused:
                _machine.Fire(ChannelTrigger.Jump);
                RecordStep(paused, now, $"operator jump to step {stepIndex + 1}");
                Reason = $"jumped to step {stepIndex + 1}";
                string detail = $"jumped from step {StepIndex + 1} to step {stepIndex + 1}";
                return Checkpointed(OperatorResponse.Accept(detail, StartStep(stepIndex, paused, now)), now);
            default:
                return OperatorResponse.Refuse($"a jump needs a running or paused step (with the output confirmed off); the channel is {_state}");
        }
    }

    /// <summary>Acknowledges a latched fault; the device's own fault latch is cleared too when it has one.</summary>
    public OperatorResponse Acknowledge(ChannelStatus? status, string who)
    {
        if (!_machine.CanFire(ChannelTrigger.Acknowledge))
        {
            return OperatorResponse.Refuse($"there is no fault to acknowledge; the channel is {_state}");
        }

        _machine.Fire(ChannelTrigger.Acknowledge);
        Reason = $"fault acknowledged by {who}: {Reason}";
        return OperatorResponse.Accept("fault acknowledged", status?.State == ChannelDeviceState.Faulted ? ChannelAction.ClearFault : ChannelAction.None);
    }

    private ChannelAction WhilePaused(in ChannelStatus status, DateTimeOffset now)
    {
        if (_pausedStatus is not null || status.StepSequence != _expectedSequence)
        {
            return ChannelAction.None;
        }

        switch (status.State)
        {
            case ChannelDeviceState.StepComplete:
                Log(status, now, boundary: true);
                _pausedStatus = status;
                _checkpointDue = true;
                return ChannelAction.None;
            case ChannelDeviceState.Running:
                return ChannelAction.StopOutput; // the stop was lost: send it again
            case ChannelDeviceState.Faulted:
                Log(status, now, boundary: true);
                RecordStep(status, now, $"protection: {status.FaultCode}");
                return Fail($"device protection tripped while paused: {status.FaultCode}", now, outputOn: false);
            default:
                return Fail($"the device dropped step {StepIndex + 1} while paused (state {status.State})", now, outputOn: false);
        }
    }

    // The leg goes on where the device stopped it (an operator pause, or a watchdog stop the profile resumes):
    // what it ran so far is counted, and the device gets what is left.
    private ChannelAction ContinueLeg(in ChannelStatus stopped, string reason)
    {
        _legsDone += stopped;
        _legPart += stopped;
        Reason = reason;
        return StartLeg(stopped.StepSequence, RemainderOf(Plan.Command));
    }

    // The device counts the resumed leg from zero: its time and charge cut-offs get what is left.
    private StepCommand RemainderOf(StepCommand command) => command with
    {
        CutoffTime = command.CutoffTime is { } t ? TimeSpan.FromSeconds(Math.Max(t.TotalSeconds - _legPart.TimeS, 0.1)) : null,
        CutoffAh = command.CutoffAh is { } ah ? Math.Max(ah - Math.Abs(_legPart.Ah), 1e-6) : null,
    };
}
