using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Cells;

/// <summary>
/// The exact solution for holding the terminal voltage at V_set while the cell stays on one OCV piece and one
/// charge-efficiency regime. With u = OCV(SOC) − V_set and the RC voltage v, the current is I = −(u + v)/R0 and
/// <code>
/// du/dt = −A·(u + v)              A = slope·η / (3600·Q·R0)
/// dv/dt = −v/τ − K·(u + v)         K = 1 / (R0·C1)
/// </code>
/// a linear system with two real negative eigenvalues (or 0 and one negative one on a flat piece), so
/// the current is <c>c1·e^(λ1·t) + c2·e^(λ2·t)</c>, which has at most one extremum, and the charge is its
/// integral. This stays exact however stiff the system is (the steep OCV continuations make it very stiff).
/// </summary>
internal readonly struct ConstantVoltagePath : ISignal
{
    private readonly double _soc0;
    private readonly double _socPerAs;
    private readonly double _lambdaSlow;
    private readonly double _lambdaFast;
    private readonly double _c1;
    private readonly double _c2;
    private readonly double _v1Slow;
    private readonly double _v1Fast;
    private readonly double _seiLossFraction;

    public ConstantVoltagePath(SimulatedCell cell, double voltageV, OcvSegment segment, double efficiency, int direction)
    {
        var truth = cell.Truth;
        VoltageV = voltageV;
        Direction = direction;
        _soc0 = cell.Soc;
        _socPerAs = efficiency / (3600 * truth.CapacityAh);
        double r0 = truth.R0Ohm;
        double a = segment.SlopeVPerUnit * _socPerAs / r0;
        double k = truth.R1Ohm / (r0 * truth.Tau1S);
        double invTau = 1 / truth.Tau1S;

        // Eigenvalues of [[−A, −A], [−K, −K − 1/τ]]: trace −(A + K + 1/τ), determinant A/τ.
        double trace = -(a + k + invTau);
        double root = Math.Sqrt((trace * trace) - (4 * a * invTau));
        _lambdaFast = (trace - root) / 2;
        _lambdaSlow = a * invTau / _lambdaFast;

        // Split the initial state over the two modes (Sylvester): y(t) = p1·e^(λ1 t) + p2·e^(λ2 t).
        double u0 = segment.VoltageAt(_soc0) - voltageV;
        double v0 = cell.V1;
        double w0 = u0 + v0;
        double mu = -a * w0;
        double mv = (-k * w0) - (v0 * invTau);
        double separation = _lambdaSlow - _lambdaFast;
        double p1u = (mu - (_lambdaFast * u0)) / separation;
        double p1v = (mv - (_lambdaFast * v0)) / separation;
        double p2u = u0 - p1u;
        double p2v = v0 - p1v;
        _c1 = -(p1u + p1v) / r0;
        _c2 = -(p2u + p2v) / r0;
        _v1Slow = p1v;
        _v1Fast = p2v;

        _seiLossFraction = direction > 0 && cell.SeiRemainingAh > 0 ? 1 - efficiency : 0;
        SegmentBoundary = direction > 0 ? segment.UpperSoc : segment.LowerSoc;
        ChargeAtSegmentExitAs = double.IsFinite(SegmentBoundary) ? (SegmentBoundary - _soc0) / _socPerAs : direction * double.PositiveInfinity;
        ChargeAtSeiExhaustedAs = _seiLossFraction > 0 ? cell.SeiRemainingAh * 3600 / _seiLossFraction : double.PositiveInfinity;
    }

    public double VoltageV { get; }

    /// <summary>Sign of the current on this path (+1 charge, −1 discharge, 0 at rest).</summary>
    public int Direction { get; }

    /// <summary>The SOC where the path leaves its OCV piece (±infinity if never).</summary>
    public double SegmentBoundary { get; }

    /// <summary>Charge moved (A·s, signed) when SOC reaches <see cref="SegmentBoundary"/>.</summary>
    public double ChargeAtSegmentExitAs { get; }

    /// <summary>Charge moved (A·s) when the SEI budget runs out (+infinity if never).</summary>
    public double ChargeAtSeiExhaustedAs { get; }

    public double CurrentAt(double t) => (_c1 * Math.Exp(_lambdaSlow * t)) + (_c2 * Math.Exp(_lambdaFast * t));

    public double ValueAt(double timeS) => CurrentAt(timeS);

    /// <summary>∫I dt in ampere-seconds.</summary>
    public double ChargeAsAt(double t) => (_c1 * Exponentials.Integral(_lambdaSlow, t)) + (_c2 * Exponentials.Integral(_lambdaFast, t));

    /// <summary>The voltage is held, so the energy is exactly V_set·∫I dt.</summary>
    public double EnergyWsAt(double t) => VoltageV * ChargeAsAt(t);

    public double SocAt(double t) => _soc0 + (_socPerAs * ChargeAsAt(t));

    public double V1At(double t) => (_v1Slow * Math.Exp(_lambdaSlow * t)) + (_v1Fast * Math.Exp(_lambdaFast * t));

    public double SeiUsedAhAt(double t) => _seiLossFraction * ChargeAsAt(t) / 3600;

    /// <summary>Where dI/dt = 0: c1·λ1·e^(λ1 t) = −c2·λ2·e^(λ2 t); NaN when there is none.</summary>
    public double CurrentExtremumS
    {
        get
        {
            double slow = _c1 * _lambdaSlow;
            double ratio = -_c2 * _lambdaFast / slow;
            return slow != 0 && ratio > 1 ? Math.Log(ratio) / (_lambdaSlow - _lambdaFast) : double.NaN;
        }
    }

    /// <summary>A view of the path whose value is the charge moved, for crossing searches.</summary>
    public ChargeSignal Charge => new(this);

    internal readonly struct ChargeSignal(ConstantVoltagePath path) : ISignal
    {
        public double ValueAt(double timeS) => path.ChargeAsAt(timeS);
    }
}
