using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Cycler;

/// <summary>
/// One cycler channel with its cell: the device-side step (modes, cut-offs, protections) and the lazy,
/// event-exact evolution of the cell. Times are seconds since the unit was created. Not thread-safe: the
/// unit calls it under its lock.
/// </summary>
internal sealed class SimulatedChannel
{
    // A leg ends at an event or at the requested time; many events per call mean something is chattering.
    private const int MaxLegsPerAdvance = 100_000;

    private readonly ProtectionLimits _limits;
    private StepSettings _step;
    private ChannelPhase _phase;
    private double _stepStartS;
    private double _stepEndS = double.NaN;

    public SimulatedChannel(int index, SimulatedCell cell, ProtectionLimits limits)
    {
        Index = index;
        Cell = cell;
        _limits = limits;
        VoltageV = cell.TerminalVoltage(0);
    }

    public int Index { get; }

    public SimulatedCell Cell { get; }

    public ChannelDeviceState State { get; private set; } = ChannelDeviceState.Idle;

    public DeviceEndReason EndReason { get; private set; }

    public DeviceFaultCode FaultCode { get; private set; }

    public ushort StepSequence { get; private set; }

    public ChannelMode ActiveMode { get; private set; } = ChannelMode.Rest;

    /// <summary>How far the physics has been evaluated.</summary>
    public double TimeS { get; private set; }

    /// <summary>Output current now (0 when the output is off).</summary>
    public double CurrentA { get; private set; }

    public double StepAh { get; private set; }

    public double StepWh { get; private set; }

    /// <summary>Terminal voltage under load at the instant the last step ended (NaN before).</summary>
    public double EndVoltageV { get; private set; } = double.NaN;

    /// <summary>Output current at the instant the last step ended (0 before).</summary>
    public double EndCurrentA { get; private set; }

    /// <summary>Cell temperature at the instant the last step ended.</summary>
    public double EndTemperatureC { get; private set; }

    public bool IsHoldingVoltage => State == ChannelDeviceState.Running && _phase.HoldsVoltage;

    /// <summary>Terminal voltage now, kept up to date by every leg.</summary>
    public double VoltageV { get; private set; }

    /// <summary>Changes whenever a value other than V, I and the step counters changes (state, sequence, mode, end reason, fault).</summary>
    public int Revision { get; private set; }

    public double StepTimeS => State == ChannelDeviceState.Running ? TimeS - _stepStartS
        : double.IsNaN(_stepEndS) ? 0 : _stepEndS - _stepStartS;

    /// <summary>Starts a step now (the channel must already be advanced to <paramref name="nowS"/>). Ignored while faulted.</summary>
    public bool Start(in StepSettings step, double nowS)
    {
        if (State == ChannelDeviceState.Faulted)
        {
            return false;
        }

        _step = step;
        ActiveMode = step.Mode;
        StepSequence = unchecked((ushort)(StepSequence + 1));
        StepAh = 0;
        StepWh = 0;
        _stepStartS = nowS;
        _stepEndS = double.NaN;
        EndVoltageV = double.NaN;
        EndReason = DeviceEndReason.None;
        State = ChannelDeviceState.Running;
        _phase = step.HoldsVoltage ? ApproachSetpoint() : ChannelPhase.Fixed(step.UpperCurrentA);
        CurrentA = _phase.HoldsVoltage
            ? Math.Clamp(Cell.HoldingCurrent(step.VoltageV), step.LowerCurrentA, step.UpperCurrentA)
            : _phase.CurrentA;
        VoltageV = Cell.TerminalVoltage(CurrentA);
        Revision++;
        SettleAtStart();
        return true;
    }

    /// <summary>Ends a running step now with <paramref name="reason"/> (Stop, watchdog).</summary>
    public void End(DeviceEndReason reason)
    {
        if (State == ChannelDeviceState.Running)
        {
            EndStep(reason, VoltageV);
        }
    }

    /// <summary>Clears a latched fault: back to Idle with the counters reset.</summary>
    public void ClearFault()
    {
        if (State != ChannelDeviceState.Faulted)
        {
            return;
        }

        State = ChannelDeviceState.Idle;
        FaultCode = DeviceFaultCode.None;
        EndReason = DeviceEndReason.None;
        ActiveMode = ChannelMode.Rest;
        StepAh = 0;
        StepWh = 0;
        _stepEndS = double.NaN;
        Revision++;
    }

    /// <summary>Evolves the cell and the step up to <paramref name="targetS"/>, ending the step exactly at its cut-off.</summary>
    public void AdvanceTo(double targetS)
    {
        for (int legs = 0; TimeS < targetS; legs++)
        {
            if (legs == MaxLegsPerAdvance)
            {
                throw new InvalidOperationException($"Channel {Index}: the simulation did not settle near t = {TimeS:F6} s (mode {_step.Mode}, SOC {Cell.Soc:F6}).");
            }

            if (State != ChannelDeviceState.Running)
            {
                var rest = Cell.PlanCurrent(0);
                double span = targetS - TimeS;
                double decay = rest.DecayAt(span);
                VoltageV = rest.VoltageAt(span, decay);
                Cell.Commit(rest, span, decay, leftSegment: false, seiExhausted: false);
                TimeS = targetS;
                return;
            }

            if (_phase.HoldsVoltage)
            {
                HoldLeg(targetS);
            }
            else
            {
                FixedCurrentLeg(targetS);
            }
        }
    }

    /// <summary>
    /// Lets what is due at the very start happen at once, as hardware would within milliseconds: a cut-off that
    /// is already met, a setpoint that is already reached (and then a taper current already met).
    /// </summary>
    private void SettleAtStart()
    {
        for (int i = 0; i < 4 && State == ChannelDeviceState.Running; i++)
        {
            var phase = _phase;
            if (phase.HoldsVoltage)
            {
                HoldLeg(TimeS);
            }
            else
            {
                FixedCurrentLeg(TimeS);
            }

            if (_phase == phase)
            {
                return;
            }
        }
    }

    private void FixedCurrentLeg(double targetS)
    {
        var path = Cell.PlanCurrent(_phase.CurrentA);
        double span = targetS - TimeS;
        double decayAtSpan = path.DecayAt(span);
        var first = ConstantCurrentLeg.Find(path, span, _step, _phase, TimeLeftS, StepAh, _limits, decayAtSpan);
        double t = first.TimeS;
        double decay = t == span ? decayAtSpan : path.DecayAt(t);
        VoltageV = path.VoltageAt(t, decay);
        Cell.Commit(path, t, decay, leftSegment: first.Event == LegEvent.SegmentExit, seiExhausted: first.Event == LegEvent.SeiExhausted);
        StepAh += path.ChargeAhAt(t);
        StepWh += path.EnergyWsAt(t, decay) * (1.0 / 3600);
        TimeS = t >= span ? targetS : TimeS + t;
        CurrentA = _phase.CurrentA;
        if (first.Event == LegEvent.EnterHold)
        {
            _phase = ChannelPhase.Hold;
        }
        else
        {
            OnStepEvent(first.Event, VoltageV);
        }
    }

    private void HoldLeg(double targetS)
    {
        var path = Cell.PlanVoltage(_step.VoltageV);
        double span = targetS - TimeS;
        var first = VoltageHoldLeg.Find(path, span, _step, TimeLeftS, StepAh);
        double t = first.TimeS;
        Cell.Commit(path, t, leftSegment: first.Event == LegEvent.SegmentExit, seiExhausted: first.Event == LegEvent.SeiExhausted);
        StepAh += path.ChargeAsAt(t) / 3600;
        StepWh += path.EnergyWsAt(t) / 3600;
        TimeS = t >= span ? targetS : TimeS + t;
        CurrentA = Math.Clamp(path.CurrentAt(t), _step.LowerCurrentA, _step.UpperCurrentA);
        VoltageV = _step.VoltageV;
        switch (first.Event)
        {
            case LegEvent.ClampHigh:
                _phase = ChannelPhase.Fixed(_step.UpperCurrentA, SetpointApproach.Rising);
                CurrentA = _phase.CurrentA;
                VoltageV = Cell.TerminalVoltage(CurrentA);
                break;
            case LegEvent.ClampLow:
                _phase = ChannelPhase.Fixed(_step.LowerCurrentA, SetpointApproach.Falling);
                CurrentA = _phase.CurrentA;
                VoltageV = Cell.TerminalVoltage(CurrentA);
                break;
            default:
                OnStepEvent(first.Event, _step.VoltageV);
                break;
        }
    }

    private void OnStepEvent(LegEvent legEvent, double voltageV)
    {
        switch (legEvent)
        {
            case LegEvent.Time:
                EndStep(DeviceEndReason.Time, voltageV);
                break;
            case LegEvent.Capacity:
                EndStep(DeviceEndReason.Capacity, voltageV);
                break;
            case LegEvent.Voltage:
                EndStep(DeviceEndReason.Voltage, voltageV);
                break;
            case LegEvent.Current:
                EndStep(DeviceEndReason.Current, voltageV);
                break;
            case LegEvent.OverVoltage:
                Trip(DeviceFaultCode.OverVoltage, voltageV);
                break;
            case LegEvent.UnderVoltage:
                Trip(DeviceFaultCode.UnderVoltage, voltageV);
                break;
            default:
                // A change of regime only: the next leg re-plans from the new state.
                break;
        }
    }

    private double TimeLeftS => _step.CutoffTimeS > 0 ? _stepStartS + _step.CutoffTimeS - TimeS : double.PositiveInfinity;

    /// <summary>The phase a voltage-holding step is in given the cell now: current-limited on either side, or holding.</summary>
    private ChannelPhase ApproachSetpoint()
    {
        double upper = _step.UpperCurrentA, lower = _step.LowerCurrentA;
        if (upper <= lower)
        {
            return ChannelPhase.Fixed(upper);
        }

        double needed = Cell.HoldingCurrent(_step.VoltageV);
        return needed > upper ? ChannelPhase.Fixed(upper, SetpointApproach.Rising)
            : needed < lower ? ChannelPhase.Fixed(lower, SetpointApproach.Falling)
            : ChannelPhase.Hold;
    }

    private void EndStep(DeviceEndReason reason, double voltageV)
    {
        State = ChannelDeviceState.StepComplete;
        EndReason = reason;
        EndVoltageV = voltageV;
        EndCurrentA = CurrentA;
        EndTemperatureC = Cell.TemperatureC;
        _stepEndS = TimeS;
        CurrentA = 0;
        VoltageV = Cell.TerminalVoltage(0);
        Revision++;
    }

    private void Trip(DeviceFaultCode fault, double voltageV)
    {
        EndStep(DeviceEndReason.Protection, voltageV);
        State = ChannelDeviceState.Faulted;
        FaultCode = fault;
        Revision++;
    }
}
