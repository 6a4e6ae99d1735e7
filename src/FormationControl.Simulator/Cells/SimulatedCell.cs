namespace FormationControl.Simulator.Cells;

/// <summary>
/// An equivalent-circuit cell: OCV(SOC) from an <see cref="OcvTable"/>, a series resistance R0, two RC pairs
/// (R1, τ1 fast; R2, τ2 slow), capacity Q, a leakage (self-discharge) current and a lumped thermal mass. Current is
/// positive into the cell (charge):
/// <code>
/// V = OCV(SOC) + I·(R0 + R_contact) + V1 + V2      dVk/dt = −Vk/τk + I/Ck      dSOC/dt = (η·I − I_leak) / (3600·Q)
/// C_th·dT/dt = I²·R0 + V1²/R1 + V2²/R2 + P_external − hA·(T − T_ambient)
/// </code>
/// Resistances (and τk at fixed Ck) follow temperature (Arrhenius) and SOC (<see cref="ResistanceScaling"/>); they
/// are frozen per epoch (<see cref="CoefficientEpoch"/>) so that within one the circuit has closed-form paths
/// (<see cref="FixedCurrentPath"/>, <see cref="HeldVoltagePath"/>). η on charge is
/// <see cref="CellOptions.SeiChargeEfficiency"/> until the SEI budget is used up, then
/// <see cref="CellOptions.ChargeEfficiency"/>; on discharge it is 1. The state is advanced only through those paths,
/// by the channel that owns the cell and under its unit's lock.
/// </summary>
public sealed class SimulatedCell
{
    private int _segmentHint;

    /// <summary>Creates a cell at <see cref="CellOptions.InitialStateOfCharge"/>, relaxed, at the ambient temperature, with its full SEI budget.</summary>
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
        Scaling = new ResistanceScaling(options);
        Soc = options.InitialStateOfCharge;
        SeiRemainingAh = options.SeiBudgetFraction * truth.CapacityAh;
        TemperatureC = options.AmbientTemperatureC;
        HeatCapacityJPerK = options.HeatCapacityJPerKPerAh * truth.CapacityAh;
        HeatTransferWPerK = options.HeatTransferWPerKPerAh * truth.CapacityAh;
        Freeze(options.AmbientTemperatureC, 0, TemperatureC, Soc);
    }

    /// <summary>The parameters a grading run should recover.</summary>
    public CellTruth Truth { get; }

    public OcvTable Ocv { get; }

    public CellOptions Options { get; }

    /// <summary>Cell temperature as last evaluated by its channel.</summary>
    public double TemperatureC { get; internal set; }

    /// <summary>The thermal mass m·cp, in J/K (scaled with capacity).</summary>
    public double HeatCapacityJPerK { get; }

    /// <summary>The heat transfer coefficient to the ambient h·A, in W/K (scaled with capacity).</summary>
    public double HeatTransferWPerK { get; }

    internal ResistanceScaling Scaling { get; }

    /// <summary>The equivalent-circuit coefficients of the current epoch.</summary>
    internal CellCoefficients Coefficients { get; private set; }

    internal double Soc { get; set; }

    internal double V1 { get; set; }

    internal double V2 { get; set; }

    internal double SeiRemainingAh { get; set; }

    /// <summary>Joule heat generated inside the cell since it was made, in joules.</summary>
    internal double JouleHeatJ { get; private set; }

    /// <summary>Whether a channel holds the cell; a cell can be in one channel only.</summary>
    internal bool IsInChannel { get; private set; }

    internal double OpenCircuitVoltage => Ocv.VoltageAt(Soc);

    /// <summary>OCV plus the RC voltages: the voltage behind the series resistance.</summary>
    internal double InternalVoltage => OpenCircuitVoltage + V1 + V2;

    internal double TerminalVoltage(double currentA) => InternalVoltage + (currentA * Coefficients.SeriesOhm);

    /// <summary>The current that would hold the terminal voltage at <paramref name="voltageV"/> right now.</summary>
    internal double HoldingCurrent(double voltageV) => (voltageV - InternalVoltage) / Coefficients.SeriesOhm;

    /// <summary>The current through a resistive load right now.</summary>
    internal double LoadCurrent(double loadOhm) => -InternalVoltage / (Coefficients.SeriesOhm + loadOhm);

    internal void PutInChannel()
    {
        if (IsInChannel)
        {
            throw new InvalidOperationException($"Cell {Truth.Index} is already in a channel; a cell can be in one channel only.");
        }

        IsInChannel = true;
    }

    /// <summary>Freezes the circuit's coefficients at a temperature and SOC (usually an epoch's predicted midpoint).</summary>
    internal void Freeze(double ambientC, double externalHeatW, double temperatureC, double soc)
    {
        var t = Truth;
        double factor = Scaling.Factor(temperatureC, soc);
        double r0 = t.R0Ohm * factor;
        Coefficients = new CellCoefficients(
            r0,
            r0 + t.ContactResistanceOhm,
            t.R1Ohm * factor,
            t.Tau1S * factor,
            t.R2Ohm * factor,
            t.Tau2S * factor,
            t.SelfDischargeA,
            1 / (3600 * t.CapacityAh),
            HeatCapacityJPerK,
            HeatTransferWPerK / HeatCapacityJPerK,
            ambientC,
            externalHeatW);
    }

    internal FixedCurrentPath PlanCurrent(double currentA)
    {
        double efficiency = EfficiencyFor(Math.Sign(currentA));
        double socRate = (efficiency * currentA) - Coefficients.LeakA;
        return new FixedCurrentPath(this, currentA, SegmentFor(Math.Sign(socRate)), efficiency);
    }

    internal HeldVoltagePath PlanVoltage(double voltageV) =>
        PlanLoop(voltageV, Coefficients.SeriesOhm, 0, HoldingCurrent(voltageV));

    internal HeldVoltagePath PlanLoad(double loadOhm) =>
        PlanLoop(0, Coefficients.SeriesOhm + loadOhm, loadOhm, LoadCurrent(loadOhm));

    internal void Commit(in FixedCurrentPath path, double t, in RelaxationDecays decays, double exitSoc, bool seiExhausted)
    {
        // At a regime change the state is snapped onto the boundary, so the next path starts cleanly beyond it.
        Soc = double.IsNaN(exitSoc) ? path.SocAt(t) : exitSoc;
        V1 = path.V1At(decays);
        V2 = path.V2At(decays);
        TemperatureC = path.TemperatureAt(t, decays);
        JouleHeatJ += path.HeatJAt(t, decays);
        SeiRemainingAh = seiExhausted ? 0 : path.SeiRemainingAhAt(t);
    }

    internal void Commit(in HeldVoltagePath path, double t, double exitSoc, bool seiExhausted)
    {
        Soc = double.IsNaN(exitSoc) ? path.SocAt(t) : exitSoc;
        V1 = path.V1At(t);
        V2 = path.V2At(t);
        TemperatureC = path.TemperatureAt(t);
        JouleHeatJ += path.HeatJAt(t);
        SeiRemainingAh = seiExhausted ? 0 : Math.Max(0, SeiRemainingAh - path.SeiUsedAhAt(t));
    }

    private HeldVoltagePath PlanLoop(double sourceV, double loopOhm, double loadOhm, double currentNow)
    {
        // At I = 0 the current moves the way the leakage and the relaxing RC voltages push it.
        int direction = currentNow != 0 ? Math.Sign(currentNow) : Math.Sign(TendencyAtZeroCurrent());
        double efficiency = EfficiencyFor(direction);
        double socRate = (efficiency * currentNow) - Coefficients.LeakA;
        int socDirection = socRate != 0 ? Math.Sign(socRate) : direction;
        return new HeldVoltagePath(this, sourceV, loopOhm, loadOhm, SegmentFor(socDirection), efficiency, direction);
    }

    // dI/dt at I = 0 is (slope·I_leak/(3600·Q) + V1/τ1 + V2/τ2) / R_s: only its sign matters.
    private double TendencyAtZeroCurrent()
    {
        var k = Coefficients;
        double slope = Ocv.Segment(Ocv.SegmentIndex(Soc, 1, _segmentHint)).SlopeVPerUnit;
        return (slope * k.LeakA * k.SocPerAmpereSecond) + (V1 * k.InverseTau1) + (V2 * k.InverseTau2);
    }

    private OcvSegment SegmentFor(int direction)
    {
        _segmentHint = Ocv.SegmentIndex(Soc, direction, _segmentHint);
        return Ocv.Segment(_segmentHint);
    }

    private double EfficiencyFor(int direction) => direction switch
    {
        > 0 => SeiRemainingAh > 0 ? Options.SeiChargeEfficiency : Options.ChargeEfficiency,
        _ => 1.0,
    };
}
