using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Cycler;

/// <summary>
/// One cycler channel with its cell: the device-side step (modes, cut-offs, protections, contact check) and the lazy,
/// event-exact evolution of the cell. Times are seconds since the unit was created. Not thread-safe: the unit calls
/// it under its lock.
/// </summary>
internal sealed partial class SimulatedChannel
{
    // Legs that make no progress, in a row: the simulation is chattering between two phases.
    private const int MaxIdleLegs = 10_000;

    // A power step's current is re-chosen once the voltage could have drifted this far.
    private const double PowerVoltageDriftV = 0.001;

    private readonly ProtectionLimits _limits;
    private readonly List<ScheduledDisturbance> _schedule = [];
    private StepSettings _step;
    private ChannelPhase _phase;
    private double _stepStartS;
    private double _stepEndS = double.NaN;
    private double _epochEndS;

    public SimulatedChannel(int index, SimulatedCell cell, ProtectionLimits limits, double ambientC, bool contactOk)
    {
        Index = index;
        Cell = cell;
        _limits = limits;
        AmbientC = ambientC;
        ContactOk = contactOk && !cell.Truth.IsOpenCircuit;
        VoltageV = MeasuredTerminal(cell.TerminalVoltage(0));
        EndTemperatureC = cell.TemperatureC;
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

    /// <summary>Device time at which the last step ended (NaN before any).</summary>
    public double EndTimeS { get; private set; } = double.NaN;

    /// <summary>Whether the contact check passes: a cell is there and its contact resistance is within the limit.</summary>
    public bool ContactOk { get; }

    /// <summary>The ambient (chamber) temperature the cell exchanges heat with.</summary>
    public double AmbientC { get; private set; }

    /// <summary>Heat put into the cell from outside now (an injected fault).</summary>
    public double ExternalHeatW { get; private set; }

    public bool IsHoldingVoltage => State == ChannelDeviceState.Running && _phase.HoldsVoltage;

    /// <summary>Terminal voltage now as the channel sees it (0 for an open cell), kept up to date by every leg.</summary>
    public double VoltageV { get; private set; }

    /// <summary>Changes whenever a value other than V, I, T and the step counters changes (state, sequence, mode, end reason, fault).</summary>
    public int Revision { get; private set; }

    public double StepTimeS => State == ChannelDeviceState.Running ? TimeS - _stepStartS
        : double.IsNaN(_stepEndS) ? 0 : _stepEndS - _stepStartS;

    private double TimeLeftS => _step.CutoffTimeS > 0 ? _stepStartS + _step.CutoffTimeS - TimeS : double.PositiveInfinity;

    private double NextDisturbanceS => _schedule.Count > 0 ? _schedule[0].TimeS : double.PositiveInfinity;

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
        Revision++;
        if (step.DrivesOutput && Cell.Truth.IsOpenCircuit)
        {
            // The channel finds the open cell before it drives any current: nothing can flow.
            _phase = ChannelPhase.Fixed(0);
            CurrentA = 0;
            Trip(DeviceFaultCode.ContactFault, VoltageV);
            return true;
        }

        _phase = step.Mode switch
        {
            ChannelMode.ChargeCp or ChannelMode.DischargeCp => ChannelPhase.Power(0),
            ChannelMode.DischargeCr => ChannelPhase.Load,
            _ when step.HoldsVoltage => ChannelPhase.Hold,
            _ => ChannelPhase.Fixed(step.UpperCurrentA),
        };
        StartEpoch();
        if (step.HoldsVoltage)
        {
            _phase = ApproachSetpoint();
        }

        ShowPresentValues();
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

    /// <summary>Latches a protection now, whatever the channel is doing (an injected fault); ignored while already faulted.</summary>
    public void TripNow(DeviceFaultCode fault)
    {
        if (State == ChannelDeviceState.Faulted)
        {
            return;
        }

        if (State == ChannelDeviceState.Running)
        {
            Trip(fault, VoltageV);
            return;
        }

        State = ChannelDeviceState.Faulted;
        FaultCode = fault;
        EndReason = DeviceEndReason.Protection;
        Revision++;
    }

    /// <summary>Changes the ambient temperature now (the channel must already be advanced to now).</summary>
    public void SetAmbient(double ambientC)
    {
        AmbientC = ambientC;
        _epochEndS = TimeS;
    }

    /// <summary>Schedules something to happen at a device time not before now; it happens exactly then.</summary>
    public void Schedule(ScheduledDisturbance disturbance)
    {
        var at = disturbance with { TimeS = Math.Max(disturbance.TimeS, TimeS) };
        int i = _schedule.FindLastIndex(d => d.TimeS <= at.TimeS);
        _schedule.Insert(i + 1, at);
    }

    /// <summary>Evolves the cell and the step up to <paramref name="targetS"/>, ending the step exactly at its cut-off.</summary>
    public void AdvanceTo(double targetS)
    {
        int idle = 0;
        while (true)
        {
            ApplyDueDisturbances();
            if (TimeS >= targetS)
            {
                return;
            }

            if (TimeS >= _epochEndS)
            {
                StartEpoch();
            }

            double legEnd = Math.Min(targetS, Math.Min(_epochEndS, NextDisturbanceS));
            double before = TimeS;
            var phase = _phase;
            RunLeg(legEnd);
            if (TimeS > before || _phase != phase)
            {
                idle = TimeS > before ? 0 : idle + 1;
            }
            else
            {
                idle++;
            }

            if (idle > MaxIdleLegs)
            {
                throw new InvalidOperationException($"Channel {Index}: the simulation did not settle near t = {TimeS:F6} s (mode {_step.Mode}, SOC {Cell.Soc:F6}).");
            }
        }
    }

    private void RunLeg(double legEnd)
    {
        if (State != ChannelDeviceState.Running)
        {
            FixedCurrentLeg(legEnd, running: false);
        }
        else if (_phase.IsFixedCurrent)
        {
            FixedCurrentLeg(legEnd, running: true);
        }
        else
        {
            HeldLeg(legEnd);
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
            RunLeg(TimeS);
            if (_phase == phase)
            {
                return;
            }
        }
    }

    private void ApplyDueDisturbances()
    {
        while (_schedule.Count > 0 && _schedule[0].TimeS <= TimeS)
        {
            var due = _schedule[0];
            _schedule.RemoveAt(0);
            if (due.HeatChangeW != 0)
            {
                // Pulses add and remove their power; rounding must not leave a ghost behind.
                ExternalHeatW += due.HeatChangeW;
                if (Math.Abs(ExternalHeatW) < 1e-9)
                {
                    ExternalHeatW = 0;
                }

                _epochEndS = TimeS;
            }

            if (due.Trip != DeviceFaultCode.None)
            {
                TripNow(due.Trip);
            }
        }
    }
}
