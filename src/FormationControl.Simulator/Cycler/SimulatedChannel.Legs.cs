using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Cycler;

/// <summary>The closed-form legs, the coefficient epochs and the ends of steps.</summary>
internal sealed partial class SimulatedChannel
{
    private void FixedCurrentLeg(double legEnd, bool running)
    {
        double current = running ? _phase.CurrentA : 0;
        var path = Cell.PlanCurrent(current);
        double span = legEnd - TimeS;
        var decaysAtSpan = path.DecaysAt(span);
        var first = Cycler.FixedCurrentLeg.Find(path, span, _step, _phase, running, TimeLeftS, StepAh, _limits, decaysAtSpan);
        double t = first.TimeS;
        var decays = t == span ? decaysAtSpan : path.DecaysAt(t);
        double terminal = path.VoltageAt(t, decays);
        bool exited = first.Event is LegEvent.SegmentExitUp or LegEvent.SegmentExitDown;
        Cell.Commit(path, t, decays, exited ? path.SegmentBoundary : double.NaN, seiExhausted: first.Event == LegEvent.SeiExhausted);
        TimeS = t >= span ? legEnd : TimeS + t;
        VoltageV = MeasuredTerminal(terminal);
        if (!running)
        {
            return;
        }

        StepAh += path.ChargeAhAt(t);
        StepWh += path.EnergyWsAt(t, decays) * (1.0 / 3600);
        CurrentA = current;
        if (first.Event == LegEvent.EnterHold)
        {
            _phase = ChannelPhase.Hold;
        }
        else
        {
            OnStepEvent(first.Event, VoltageV);
        }
    }

    private void HeldLeg(double legEnd)
    {
        bool load = _phase.Kind == PhaseKind.Load;
        var path = load ? Cell.PlanLoad(_step.ResistanceOhm) : Cell.PlanVoltage(_step.VoltageV);
        double span = legEnd - TimeS;
        var first = Cycler.HeldLeg.Find(path, span, _step, _phase, TimeLeftS, StepAh, _limits);
        double t = first.TimeS;
        double exitSoc = first.Event switch
        {
            LegEvent.SegmentExitUp => path.UpperSoc,
            LegEvent.SegmentExitDown => path.LowerSoc,
            _ => double.NaN,
        };
        Cell.Commit(path, t, exitSoc, seiExhausted: first.Event == LegEvent.SeiExhausted);
        StepAh += path.ChargeAsAt(t) / 3600;
        StepWh += path.EnergyWsAt(t) / 3600;
        TimeS = t >= span ? legEnd : TimeS + t;
        double current = path.CurrentAt(t);
        CurrentA = load ? current : Math.Clamp(current, _step.LowerCurrentA, _step.UpperCurrentA);
        VoltageV = load ? path.TerminalVoltageAt(t) : _step.VoltageV;
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
                OnStepEvent(first.Event, VoltageV);
                break;
        }
    }

    /// <summary>
    /// Freezes the cell's coefficients for the next epoch (see <see cref="CoefficientEpoch"/>), and for a power step
    /// chooses the current of the epoch: the one that meets the power at the epoch's predicted midpoint.
    /// </summary>
    private void StartEpoch()
    {
        double current = PresentCurrent();
        int direction = Math.Sign(current);
        double efficiency = direction > 0 ? (Cell.SeiRemainingAh > 0 ? Cell.Options.SeiChargeEfficiency : Cell.Options.ChargeEfficiency) : 1;
        bool power = State == ChannelDeviceState.Running && _phase.Kind == PhaseKind.Power;
        double limit = double.PositiveInfinity;
        if (power)
        {
            double rate = Math.Abs(Cell.PlanCurrent(current).VoltageRateAtStart);
            limit = rate > 0 ? PowerVoltageDriftV / rate : double.PositiveInfinity;
        }

        var (length, midT, midSoc) = CoefficientEpoch.Plan(Cell, current, efficiency, AmbientC, ExternalHeatW, limit);
        Cell.Freeze(AmbientC, ExternalHeatW, midT, midSoc);
        _epochEndS = TimeS + length;
        if (power)
        {
            double start = PowerCurrent(_step.SignedPowerW);
            double mid = Cell.PlanCurrent(start).VoltageAt(length / 2);
            double chosen = mid > 0 ? _step.SignedPowerW / mid : start;
            _phase = ChannelPhase.Power(double.IsFinite(chosen) ? chosen : start);
            CurrentA = _phase.CurrentA;
            VoltageV = MeasuredTerminal(Cell.TerminalVoltage(CurrentA));
        }
    }

    /// <summary>The current the output drives now, from the step and the cell (with the present coefficients).</summary>
    private double PresentCurrent()
    {
        if (State != ChannelDeviceState.Running)
        {
            return 0;
        }

        return _phase.Kind switch
        {
            PhaseKind.Power => PowerCurrent(_step.SignedPowerW),
            PhaseKind.Load => Cell.LoadCurrent(_step.ResistanceOhm),
            PhaseKind.Hold => Math.Clamp(Cell.HoldingCurrent(_step.VoltageV), _step.LowerCurrentA, _step.UpperCurrentA),
            _ => _phase.CurrentA,
        };
    }

    /// <summary>
    /// The current for which V·I = P now: R_s·I² + E·I − P = 0, E the voltage behind the series resistance. A discharge
    /// beyond the cell's maximum power (E²/4R_s) cannot be met; the channel then draws the maximum-power current.
    /// </summary>
    private double PowerCurrent(double signedPowerW)
    {
        double e = Cell.InternalVoltage, r = Cell.Coefficients.SeriesOhm;
        double discriminant = (e * e) + (4 * r * signedPowerW);
        return discriminant >= 0 ? 2 * signedPowerW / (e + Math.Sqrt(discriminant)) : -e / (2 * r);
    }

    /// <summary>Sets the current and voltage the registers show at this instant, from the phase and the cell.</summary>
    private void ShowPresentValues()
    {
        switch (_phase.Kind)
        {
            case PhaseKind.Hold:
                CurrentA = Math.Clamp(Cell.HoldingCurrent(_step.VoltageV), _step.LowerCurrentA, _step.UpperCurrentA);
                VoltageV = _step.VoltageV;
                break;
            case PhaseKind.Load:
                CurrentA = Cell.LoadCurrent(_step.ResistanceOhm);
                VoltageV = -CurrentA * _step.ResistanceOhm;
                break;
            default:
                CurrentA = _phase.CurrentA;
                VoltageV = MeasuredTerminal(Cell.TerminalVoltage(CurrentA));
                break;
        }
    }

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
            case LegEvent.OverCurrent:
                Trip(DeviceFaultCode.OverCurrent, voltageV);
                break;
            case LegEvent.OverTemperature:
                Trip(DeviceFaultCode.OverTemperature, voltageV);
                break;
            default:
                // A change of regime only: the next leg re-plans from the new state.
                break;
        }
    }

    private void EndStep(DeviceEndReason reason, double voltageV)
    {
        State = ChannelDeviceState.StepComplete;
        EndReason = reason;
        EndVoltageV = voltageV;
        EndCurrentA = CurrentA;
        EndTemperatureC = Cell.TemperatureC;
        _stepEndS = TimeS;
        EndTimeS = TimeS;
        CurrentA = 0;
        VoltageV = MeasuredTerminal(Cell.TerminalVoltage(0));
        _epochEndS = TimeS;
        Revision++;
    }

    private void Trip(DeviceFaultCode fault, double voltageV)
    {
        EndStep(DeviceEndReason.Protection, voltageV);
        State = ChannelDeviceState.Faulted;
        FaultCode = fault;
        Revision++;
    }

    // An open cell shows the channel nothing: its input reads 0 V.
    private double MeasuredTerminal(double terminalV) => Cell.Truth.IsOpenCircuit ? 0 : terminalV;
}
