namespace FormationControl.Simulator.Cells;

/// <summary>
/// An equivalent-circuit cell: OCV(SOC) from an <see cref="OcvTable"/>, a series resistance R0 and one RC pair
/// (R1, τ1), capacity Q. Current is positive into the cell (charge):
/// <code>
/// V = OCV(SOC) + I·R0 + V1      dV1/dt = −V1/τ1 + I/C1      dSOC/dt = η·I / (3600·Q)
/// </code>
/// η on charge is <see cref="CellOptions.SeiChargeEfficiency"/> until the SEI budget is used up, then
/// <see cref="CellOptions.ChargeEfficiency"/>; on discharge it is 1. The state is advanced only through the
/// closed-form paths (<see cref="ConstantCurrentPath"/>, <see cref="ConstantVoltagePath"/>), by the channel
/// that owns the cell and under its unit's lock.
/// </summary>
public sealed class SimulatedCell
{
    private int _segmentHint;

    /// <summary>Creates a cell at <see cref="CellOptions.InitialStateOfCharge"/>, relaxed (V1 = 0), with its full SEI budget.</summary>
    public SimulatedCell(CellTruth truth, OcvTable ocv, CellOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(ocv);
        truth.Validate();
        options ??= CellOptions.Default;
        options.Validate();
        Truth = truth;
        Ocv = ocv;
        Options = options;
        Soc = options.InitialStateOfCharge;
        SeiRemainingAh = options.SeiBudgetFraction * truth.CapacityAh;
        SocPerAmpereSecond = 1 / (3600 * truth.CapacityAh);
        InverseTau = 1 / truth.Tau1S;
    }

    /// <summary>The parameters a grading run should recover.</summary>
    public CellTruth Truth { get; }

    public OcvTable Ocv { get; }

    public CellOptions Options { get; }

    /// <summary>Cell temperature; constant ambient until a thermal model exists.</summary>
    public double TemperatureC => Options.AmbientTemperatureC;

    /// <summary>1 / (3600·Q): SOC moved by one ampere-second at η = 1.</summary>
    internal double SocPerAmpereSecond { get; }

    internal double InverseTau { get; }

    internal double Soc { get; set; }

    internal double V1 { get; set; }

    internal double SeiRemainingAh { get; set; }

    /// <summary>Whether a channel holds the cell; a cell can be in one channel only.</summary>
    internal bool IsInChannel { get; private set; }

    internal double OpenCircuitVoltage => Ocv.VoltageAt(Soc);

    internal double TerminalVoltage(double currentA) => OpenCircuitVoltage + (currentA * Truth.R0Ohm) + V1;

    /// <summary>The current that would hold the terminal voltage at <paramref name="voltageV"/> right now.</summary>
    internal double HoldingCurrent(double voltageV) => (voltageV - OpenCircuitVoltage - V1) / Truth.R0Ohm;

    internal void PutInChannel()
    {
        if (IsInChannel)
        {
            throw new InvalidOperationException($"Cell {Truth.Index} is already in a channel; a cell can be in one channel only.");
        }

        IsInChannel = true;
    }

    internal ConstantCurrentPath PlanCurrent(double currentA)
    {
        int direction = currentA > 0 ? 1 : currentA < 0 ? -1 : 0;
        return new ConstantCurrentPath(this, currentA, SegmentFor(direction), EfficiencyFor(direction));
    }

    internal ConstantVoltagePath PlanVoltage(double voltageV)
    {
        // At I = 0 the current moves the way V1 pushes it: dI/dt = V1 / (τ·R0).
        double current = HoldingCurrent(voltageV);
        int direction = current != 0 ? Math.Sign(current) : Math.Sign(V1);
        return new ConstantVoltagePath(this, voltageV, SegmentFor(direction), EfficiencyFor(direction), direction);
    }

    private OcvSegment SegmentFor(int direction)
    {
        _segmentHint = Ocv.SegmentIndex(Soc, direction, _segmentHint);
        return Ocv.Segment(_segmentHint);
    }

    internal void Commit(in ConstantCurrentPath path, double t, double decay, bool leftSegment, bool seiExhausted)
    {
        // At a regime change the state is snapped onto the boundary, so the next path starts cleanly beyond it.
        Soc = leftSegment ? path.SegmentBoundary : path.SocAt(t);
        V1 = path.V1From(decay);
        SeiRemainingAh = seiExhausted ? 0 : path.SeiRemainingAhAt(t);
    }

    internal void Commit(in ConstantVoltagePath path, double t, bool leftSegment, bool seiExhausted)
    {
        Soc = leftSegment ? path.SegmentBoundary : path.SocAt(t);
        V1 = path.V1At(t);
        SeiRemainingAh = seiExhausted ? 0 : Math.Max(0, SeiRemainingAh - path.SeiUsedAhAt(t));
    }

    private double EfficiencyFor(int direction) => direction switch
    {
        > 0 => SeiRemainingAh > 0 ? Options.SeiChargeEfficiency : Options.ChargeEfficiency,
        _ => 1.0,
    };
}
