using FormationControl.Controller.Execution;
using FormationControl.Controller.Logging;
using FormationControl.Controller.Recording;
using FormationControl.Core.Profiles;
using FormationControl.Core.Sequencing;
using FormationControl.Devices.Cycler;
using FormationControl.Storage;
using Stateless;

namespace FormationControl.Controller.Channels;

/// <summary>
/// One cell's run of a profile on one channel: the state machine, the step sequence, limit and safety
/// checks, and what gets recorded. Synchronous and single-threaded by design (Stateless is not thread-safe):
/// the unit's supervisor feeds it each fresh status and carries out the <see cref="ChannelAction"/> it returns.
/// </summary>
public sealed class ChannelRun
{
    // Polls to wait for the device to report a step we started before giving up on it.
    private const int MaxStartPolls = 3;

    private readonly IRunJournal _journal;
    private readonly StepSequencer _sequencer;
    private readonly SampleLogger _logger;
    private readonly StateMachine<ChannelState, ChannelTrigger> _machine;
    private ChannelState _state = ChannelState.Ready;
    private DeviceStepPlan? _plan;
    private DateTimeOffset _stepStartedAt;
    private ushort _expectedSequence;
    private int _startPolls;
    private StepLimit? _softwareEnd;

    public ChannelRun(long runId, string cellId, Profile profile, IRunJournal journal)
    {
        RunId = runId;
        CellId = cellId;
        Profile = profile;
        _journal = journal;
        _sequencer = new StepSequencer(profile);
        _logger = new SampleLogger(profile.Logging);
        _machine = ChannelStateMachine.Create(() => _state, s => _state = s);
    }

    public long RunId { get; }

    public string CellId { get; }

    public Profile Profile { get; }

    public ChannelState State => _state;

    /// <summary>The 0-based index of the current (or last) step.</summary>
    public int StepIndex { get; private set; }

    /// <summary>Why the run is where it is: the last step end, or the fault.</summary>
    public string? Reason { get; private set; }

    /// <summary>True once the run can no longer change by itself.</summary>
    public bool IsFinished => _state is ChannelState.Completed or ChannelState.Aborted or ChannelState.Faulted or ChannelState.Acknowledged;

    /// <summary>Ah charged and discharged over the whole run (absolute values).</summary>
    public double ChargeAh { get; private set; }

    public double DischargeAh { get; private set; }

    /// <summary>Starts the profile from its first step, given the channel's current status.</summary>
    public ChannelAction Begin(in ChannelStatus current, DateTimeOffset now)
    {
        string? refusal = current.State == ChannelDeviceState.Faulted ? $"the channel has a latched fault ({current.FaultCode})"
            : current.State == ChannelDeviceState.Running ? "the channel is already running a step"
            : !current.ContactOk ? "no cell contact"
            : null;
        if (refusal is not null)
        {
            return Fail($"start refused: {refusal}", now, outputOn: false);
        }

        _machine.Fire(ChannelTrigger.Start);
        return StartStep(0, current.StepSequence, now);
    }

    /// <summary>Handles one fresh status read from the device.</summary>
    public ChannelAction OnStatus(in ChannelStatus status, DateTimeOffset now)
    {
        if (_state == ChannelState.CommLoss)
        {
            _machine.Fire(ChannelTrigger.CommRestored);
        }

        if (_state == ChannelState.Starting)
        {
            bool accepted = status.StepSequence == _expectedSequence
                && status.State is ChannelDeviceState.Running or ChannelDeviceState.StepComplete;
            if (!accepted)
            {
                return ++_startPolls > MaxStartPolls
                    ? Fail($"the device did not start step {StepIndex + 1} (state {status.State}, sequence {status.StepSequence}, expected {_expectedSequence})", now, outputOn: false)
                    : ChannelAction.None;
            }

            _machine.Fire(ChannelTrigger.StepAccepted);
        }

        return _state == ChannelState.InStep ? InStep(status, now) : ChannelAction.None;
    }

    /// <summary>The unit did not answer: freeze until it does.</summary>
    public void OnCommLost()
    {
        if (_machine.CanFire(ChannelTrigger.CommLost))
        {
            _machine.Fire(ChannelTrigger.CommLost);
        }
    }

    private ChannelAction InStep(in ChannelStatus status, DateTimeOffset now)
    {
        if (status.StepSequence != _expectedSequence)
        {
            return Fail($"the device reports step sequence {status.StepSequence}, expected {_expectedSequence}", now, outputOn: true);
        }

        switch (status.State)
        {
            case ChannelDeviceState.Running:
                if (SafetyCheck.Violation(Profile.Safety, status) is { } violation)
                {
                    Log(status, now, boundary: true);
                    return Fail($"safety limit: {violation}", now, outputOn: true);
                }

                Log(status, now, boundary: false);
                if (_softwareEnd is null && SoftwareLimitCheck.FirstReached(_plan!.SoftwareLimits, status) is { } reached)
                {
                    _softwareEnd = reached;
                    return ChannelAction.StopOutput;
                }

                return ChannelAction.None;

            case ChannelDeviceState.StepComplete:
                return EndStep(status, now);

            case ChannelDeviceState.Faulted:
                Log(status, now, boundary: true);
                RecordStep(status, now, $"protection: {status.FaultCode}");
                return Fail($"device protection tripped: {status.FaultCode}", now, outputOn: false);

            default:
                return Fail($"the device dropped step {StepIndex + 1} (state {status.State})", now, outputOn: false);
        }
    }

    private ChannelAction EndStep(in ChannelStatus status, DateTimeOffset now)
    {
        Log(status, now, boundary: true);
        StepLimit? limit = status.EndReason == DeviceEndReason.Stopped
            ? _softwareEnd
            : _plan!.DeviceLimits.GetValueOrDefault(status.EndReason);
        string endReason = limit is null ? status.EndReason.ToString() : StepSequencer.Describe(limit);
        RecordStep(status, now, endReason);
        if (status.StepAh > 0)
        {
            ChargeAh += status.StepAh;
        }
        else
        {
            DischargeAh -= status.StepAh;
        }

        if (limit is null)
        {
            return Fail($"step {StepIndex + 1} ended for a reason the profile does not handle: {status.EndReason}", now, outputOn: false);
        }

        var decision = _sequencer.After(StepIndex, limit);
        Reason = decision.Reason;
        switch (decision.Outcome)
        {
            case SequenceOutcome.Continue:
                _machine.Fire(ChannelTrigger.StepEnded);
                return StartStep(decision.NextIndex, status.StepSequence, now);
            case SequenceOutcome.Completed:
                _machine.Fire(ChannelTrigger.ProfileDone);
                _journal.CompleteRun(RunId, RunStatus.Completed, now, decision.Reason);
                return ChannelAction.None;
            default:
                return Fail(decision.Reason, now, outputOn: false);
        }
    }

    private ChannelAction StartStep(int index, ushort currentSequence, DateTimeOffset now)
    {
        StepIndex = index;
        _plan = DeviceStepPlanner.Plan(Profile.Steps[index]);
        _expectedSequence = unchecked((ushort)(currentSequence + 1));
        _startPolls = 0;
        _softwareEnd = null;
        _stepStartedAt = now;
        _logger.BeginStep(_plan.Step.Logging ?? Profile.Logging);
        return ChannelAction.Start(_plan.Command);
    }

    private void Log(in ChannelStatus s, DateTimeOffset now, bool boundary)
    {
        if (_logger.ShouldLog(s.StepTimeS, s.VoltageV, s.CurrentA, boundary))
        {
            _journal.AppendSample(new SampleRecord(RunId, StepIndex, now, s.StepTimeS, s.VoltageV, s.CurrentA, s.TemperatureC, s.StepAh, s.StepWh));
        }
    }

    private void RecordStep(in ChannelStatus s, DateTimeOffset now, string endReason)
    {
        var step = _plan!.Step;
        _journal.RecordStepResult(new StepResultRecord(
            RunId, StepIndex, step.Label, step.Type.ToString(), _stepStartedAt, now, s.StepTimeS,
            s.StepAh, s.StepWh, s.EndVoltageV ?? s.VoltageV, s.EndCurrentA ?? s.CurrentA, s.EndTemperatureC ?? s.TemperatureC, endReason));
    }

    private ChannelAction Fail(string reason, DateTimeOffset now, bool outputOn)
    {
        Reason = reason;
        _machine.Fire(ChannelTrigger.Fault);
        _journal.CompleteRun(RunId, RunStatus.Faulted, now, reason);
        return outputOn ? ChannelAction.StopOutput : ChannelAction.None;
    }
}
