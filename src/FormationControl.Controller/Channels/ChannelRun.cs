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
/// One cell's run of a profile on one channel: the state machine, the step sequence (with loop state),
/// limit and safety checks, and what gets recorded. Synchronous and single-threaded by design (Stateless
/// is not thread-safe): the unit's supervisor feeds it each fresh status and carries out the
/// <see cref="ChannelAction"/> it returns.
/// </summary>
public sealed partial class ChannelRun
{
    // Polls to wait for the device to report a step we started before giving up on it.
    private const int MaxStartPolls = 3;

    private readonly IRunJournal _journal;
    private readonly StepSequencer _sequencer;
    private readonly SampleLogger _logger;
    private readonly VoltageRateWindow _rate = new(TimeSpan.FromMinutes(1));
    private readonly StateMachine<ChannelState, ChannelTrigger> _machine;
    private readonly List<(double VoltageV, double CurrentA)> _legEnds = [];
    private ChannelState _state = ChannelState.Ready;
    private SequencerState _sequence = SequencerState.Initial;
    private IReadOnlyList<DeviceStepPlan> _legs = [];
    private int _leg;
    private StepTotals _legsDone;
    private DateTimeOffset _stepStartedAt;
    private ushort _expectedSequence;
    private int _startPolls;
    private StepLimit? _softwareEnd;
    private StepTotals _legPart;          // what the current leg ran before an operator pause
    private ChannelStatus? _pausedStatus; // the device's final counters of a paused leg
    private int? _jumpTo;
    private CccvPhaseSplit? _cccv;        // the CC and CV parts of a CCCV step
    private ChannelState _beforeCommLoss;
    private DateTimeOffset? _commLostSince;
    private bool _unreachedInLeg;      // the unit went unheard during the current leg (a comm loss, or a controller restart)
    private int _stepResults;           // step results this run has recorded, counting those found stored at a restore
    private int _storedStepResults;     // results the store already held when the run was restored: not written again
    private bool _checkpointDue;
    private DateTimeOffset? _lastCheckpointAt;
    private bool _reconciling;          // restored: the first fresh status is checked against the checkpoint

    public ChannelRun(long runId, string cellId, Profile profile, IRunJournal journal)
    {
        RunId = runId;
        CellId = cellId;
        Profile = profile;
        _journal = journal;
        _sequencer = new StepSequencer(profile);
        _logger = new SampleLogger(profile.Logging);
        _machine = ChannelStateMachine.Create(() => _state, s => _state = s);
        _machine.OnTransitioned(_ => _checkpointDue = true);
    }

    public long RunId { get; }

    public string CellId { get; }

    public Profile Profile { get; }

    public ChannelState State => _state;

    /// <summary>The 0-based index of the current (or last) step.</summary>
    public int StepIndex { get; private set; }

    /// <summary>Loop counters: what a checkpoint must keep to resume the sequence exactly.</summary>
    public SequencerState Sequence => _sequence;

    /// <summary>Why the run is where it is: the last step end, or the fault.</summary>
    public string? Reason { get; private set; }

    /// <summary>True once the run can no longer change by itself.</summary>
    public bool IsFinished => _state is ChannelState.Completed or ChannelState.Aborted or ChannelState.Faulted or ChannelState.Acknowledged;

    /// <summary>Ah charged and discharged over the whole run (absolute values).</summary>
    public double ChargeAh { get; private set; }

    public double DischargeAh { get; private set; }

    /// <summary>Wh charged and discharged over the whole run (absolute values).</summary>
    public double ChargeWh { get; private set; }

    public double DischargeWh { get; private set; }

    /// <summary>
    /// How often a checkpoint is taken while nothing changes (every transition and step end takes one anyway).
    /// Default 1 min of controller time.
    /// </summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Where the run records; its supervisor awaits it before sending a step start.</summary>
    internal IRunJournal Journal => _journal;

    private DeviceStepPlan Plan => _legs[_leg];

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
        var first = _sequencer.Start();
        _sequence = first.State;
        return Checkpointed(Continue(first.Decision, current, now), now);
    }

    /// <summary>Handles one fresh status read from the device.</summary>
    public ChannelAction OnStatus(in ChannelStatus status, DateTimeOffset now) => Checkpointed(Handle(status, now), now);

    /// <summary>
    /// The unit did not answer: freeze until it does. Once it has been silent for <paramref name="giveUpAfter"/> (counted
    /// across controller restarts) the run faults, naming <paramref name="unit"/> and how long it was silent.
    /// </summary>
    public void OnCommLost(DateTimeOffset now, string unit, TimeSpan giveUpAfter)
    {
        if (_machine.CanFire(ChannelTrigger.CommLost))
        {
            _beforeCommLoss = _state;
            _machine.Fire(ChannelTrigger.CommLost);
            _commLostSince ??= now;
            _unreachedInLeg = true;
        }

        if (_state == ChannelState.CommLoss && _commLostSince is { } since && now - since >= giveUpAfter)
        {
            Fail($"communication lost: unit {unit} has not answered for {Minutes(now - since)} (give-up timeout {Minutes(giveUpAfter)}); its watchdog turned the output off", now, outputOn: false);
        }

        Checkpointed(ChannelAction.None, now);
    }

    /// <summary>
    /// The unit answered again: the run leaves CommLoss for the state it lost the link in, before operator requests of
    /// the same poll are carried out (the fresh status itself comes with <see cref="OnStatus"/>).
    /// </summary>
    public void OnCommRestored()
    {
        if (_state == ChannelState.CommLoss)
        {
            _machine.Fire(ChannelTrigger.CommRestored);
            _commLostSince = null;
        }
    }

    private ChannelAction Handle(in ChannelStatus status, DateTimeOffset now)
    {
        OnCommRestored();

        if (_reconciling)
        {
            _reconciling = false;
            if (Reconcile(status, now) is { } decided)
            {
                return decided;
            }
        }

        if (_state == ChannelState.PausedByOperator)
        {
            return WhilePaused(status, now);
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

    /// <summary>The device answered a command of this run with a Modbus exception: it will not run the step.</summary>
    public void OnCommandRefused(string message, DateTimeOffset now)
    {
        if (!IsFinished)
        {
            Fail($"the device refused step {StepIndex + 1} ({Plan.Step.Type}): {message}", now, outputOn: false);
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
                if (_softwareEnd is not null || _jumpTo is not null)
                {
                    return ChannelAction.StopOutput; // our stop has not arrived (lost, or sent just before a restart): again
                }

                var totals = _legsDone + status;
                _cccv?.Observe(totals.TimeS, totals.Ah, status.CurrentA);
                _rate.Add(totals.TimeS, status.VoltageV);
                double? rate = _rate.TryGetRate(out double r) ? r : null;
                if (_softwareEnd is null && SoftwareLimitCheck.FirstReached(Plan.SoftwareLimits, status, totals, rate) is { } reached)
                {
                    _softwareEnd = reached;
                    _checkpointDue = true;
                    return ChannelAction.StopOutput;
                }

                return ChannelAction.None;

            case ChannelDeviceState.StepComplete:
                return EndLeg(status, now);

            case ChannelDeviceState.Faulted:
                Log(status, now, boundary: true);
                RecordStep(status, now, $"protection: {status.FaultCode}");
                return Fail($"device protection tripped: {status.FaultCode}", now, outputOn: false);

            default:
                return Fail($"the device dropped step {StepIndex + 1} (state {status.State})", now, outputOn: false);
        }
    }

    private ChannelAction EndLeg(in ChannelStatus status, DateTimeOffset now, bool logged = false)
    {
        if (!logged)
        {
            Log(status, now, boundary: true);
        }

        if (_jumpTo is { } target)
        {
            _jumpTo = null;
            RecordStep(status, now, $"operator jump to step {target + 1}");
            Reason = $"jumped to step {target + 1}";
            return StartStep(target, status, now);
        }

        bool stoppedByWatchdog = status.EndReason == DeviceEndReason.Watchdog;
        if (stoppedByWatchdog && _softwareEnd is null && _unreachedInLeg && Profile.Safety.ResumeAfterCommLoss)
        {
            return ContinueLeg(status, $"step {StepIndex + 1} resumed after a communication loss (the unit's watchdog had stopped it)");
        }

        // A watchdog stop after a software limit was reached (our stop had not arrived) ends the step by that limit.
        StepLimit? limit = status.EndReason == DeviceEndReason.Stopped || (stoppedByWatchdog && _softwareEnd is not null)
            ? _softwareEnd
            : Plan.DeviceLimits.GetValueOrDefault(status.EndReason);
        bool legTimedOut = Plan.TimedLeg && status.EndReason == DeviceEndReason.Time;
        _legEnds.Add((status.EndVoltageV ?? status.VoltageV, status.EndCurrentA ?? status.CurrentA));
        if (legTimedOut && _leg + 1 < _legs.Count)
        {
            _legsDone += status;
            _legPart = default;
            _leg++;
            return StartLeg(status.StepSequence);
        }

        string endReason = legTimedOut ? "pulse done" : limit is null ? status.EndReason.ToString() : StepSequencer.Describe(limit);
        RecordStep(status, now, endReason);
        if (!legTimedOut && limit is null)
        {
            return Fail(stoppedByWatchdog && _unreachedInLeg
                ? $"step {StepIndex + 1} stopped by the device's watchdog while the unit could not be reached; the profile's safety.onCommLoss is \"fault\", so a person decides"
                : stoppedByWatchdog
                ? $"step {StepIndex + 1} stopped by the device's watchdog: no heartbeat within its period (check the link, and that the rack's watchdogPeriod is several poll intervals of the device's clock)"
                : $"step {StepIndex + 1} ended for a reason the profile does not handle: {status.EndReason}", now, outputOn: false);
        }

        var reading = new StepEndReading(status.EndVoltageV ?? status.VoltageV, status.EndTemperatureC ?? status.TemperatureC);
        var next = legTimedOut
            ? _sequencer.Following(StepIndex, "pulse done", _sequence, reading)
            : _sequencer.After(StepIndex, limit!, _sequence, reading);
        _sequence = next.State;
        return Continue(next.Decision, status, now);
    }

    private ChannelAction Continue(SequenceDecision decision, in ChannelStatus current, DateTimeOffset now)
    {
        Reason = decision.Reason;
        switch (decision.Outcome)
        {
            case SequenceOutcome.Continue:
                if (_state == ChannelState.InStep)
                {
                    _machine.Fire(ChannelTrigger.StepEnded);
                }

                return StartStep(decision.NextIndex, current, now);
            case SequenceOutcome.Completed:
                _machine.Fire(ChannelTrigger.ProfileDone);
                _journal.CompleteRun(RunId, RunStatus.Completed, now, decision.Reason);
                return ChannelAction.None;
            default:
                return Fail(decision.Reason, now, outputOn: false);
        }
    }

    private ChannelAction StartStep(int index, in ChannelStatus current, DateTimeOffset now)
    {
        StepIndex = index;
        _legPart = default;
        _legs = DeviceStepPlanner.PlanLegs(Profile.Steps[index]);
        _leg = 0;
        _legsDone = default;
        _legEnds.Clear();
        _cccv = CccvPhaseSplit.For(Profile.Steps[index]);
        _legEnds.Add((current.VoltageV, 0));
        _rate.Clear();
        _stepStartedAt = now;
        _logger.BeginStep(Profile.Steps[index].Logging ?? Profile.Logging);
        return _legs.Count == 0
            ? Fail($"step {index + 1} has nothing to run on the device", now, outputOn: false)
            : StartLeg(current.StepSequence);
    }

    private ChannelAction StartLeg(ushort currentSequence, StepCommand? command = null)
    {
        _checkpointDue = true;
        _pausedStatus = null;
        _expectedSequence = unchecked((ushort)(currentSequence + 1));
        _startPolls = 0;
        _softwareEnd = null;
        _unreachedInLeg = false;
        if (_state == ChannelState.InStep)
        {
            _machine.Fire(ChannelTrigger.StepEnded); // the next leg starts like a step: confirmed by its sequence number
        }

        return ChannelAction.Start(command ?? Plan.Command);
    }

    private void Log(in ChannelStatus s, DateTimeOffset now, bool boundary)
    {
        var totals = _legsDone + s;
        if (_logger.ShouldLog(totals.TimeS, s.VoltageV, s.CurrentA, boundary))
        {
            _journal.AppendSample(new SampleRecord(RunId, StepIndex, now, totals.TimeS, s.VoltageV, s.CurrentA, s.TemperatureC, totals.Ah, totals.Wh));
        }
    }

    private void RecordStep(in ChannelStatus s, DateTimeOffset now, string endReason)
    {
        var step = Plan.Step;
        var totals = _legsDone + s;
        if (totals.Ah > 0)
        {
            ChargeAh += totals.Ah;
        }
        else
        {
            DischargeAh -= totals.Ah;
        }

        if (totals.Wh > 0)
        {
            ChargeWh += totals.Wh;
        }
        else
        {
            DischargeWh -= totals.Wh;
        }

        _checkpointDue = true;
        if (++_stepResults <= _storedStepResults)
        {
            return; // committed before the restart, after the checkpoint this run was restored from
        }

        CccvParts? parts = _cccv?.Split(totals.TimeS, totals.Ah);
        _journal.RecordStepResult(new StepResultRecord(
            RunId, StepIndex, step.Label, step.Type.ToString(), _stepStartedAt, now, totals.TimeS,
            totals.Ah, totals.Wh, s.EndVoltageV ?? s.VoltageV, s.EndCurrentA ?? s.CurrentA, s.EndTemperatureC ?? s.TemperatureC, endReason)
        {
            DcirOhm = step.Type == StepType.Pulse ? PulseResistance.EndOfFirstPulse(_legEnds) : null,
            CcDurationS = parts?.CcDurationS,
            CcAh = parts?.CcAh,
            CvDurationS = parts?.CvDurationS,
            CvAh = parts?.CvAh,
        });
    }

    private static string Minutes(TimeSpan span) => $"{span.TotalMinutes:0.#} min";

    private ChannelAction Fail(string reason, DateTimeOffset now, bool outputOn)
    {
        Reason = reason;
        _machine.Fire(ChannelTrigger.Fault);
        _journal.CompleteRun(RunId, RunStatus.Faulted, now, reason);
        return outputOn ? ChannelAction.StopOutput : ChannelAction.None;
    }
}
