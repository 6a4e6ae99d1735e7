using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Cells;

/// <summary>
/// The exact solution for a cell in a loop that holds a source voltage V_s behind a loop resistance R_s, while it
/// stays on one OCV piece, one charge-efficiency regime and one coefficient epoch. A CV hold is V_s = V_set with R_s
/// the series resistance; a constant-resistance load is V_s = 0 with R_s = series + load, the terminal voltage then
/// being −I·R_load. With u = OCV(SOC) − V_s and the RC voltages v_k, the current is I = −(u + Σv_k)/R_s and
/// <code>
/// du/dt  = −A·(u + Σv) − B                A = slope·η/(3600·Q·R_s),  B = slope·I_leak/(3600·Q)
/// dv_k/dt = −v_k/τ_k − K_k·(u + Σv)        K_k = 1/(R_s·C_k)
/// </code>
/// a linear system whose matrix is a diagonal plus a rank-one coupling, with real negative eigenvalues
/// (<see cref="SecularRoots"/>). Around its steady state (where the current feeds exactly the leakage, I* = I_leak/η)
/// every quantity is a sum of up to three exponentials: the current has at most two extrema, and charge, energy,
/// Joule heat and the temperature are exact integrals. Exact however stiff the system is (the steep OCV
/// continuations make it very stiff): no sub-stepping.
/// </summary>
internal readonly struct HeldVoltagePath : ISignal
{
    private readonly int _modes;
    private readonly bool _pair1, _pair2;
    private readonly double _steadyCurrent, _steadyV1, _steadyV2;
    private readonly double _loadOhm;
    private readonly double _r0, _r1, _r2;
    private readonly double _seiLossFraction;
    private readonly double _t0, _ambient, _kappa, _inverseHeatCapacity, _externalHeatW;
    private readonly double _steadyHeat;
    private readonly double _soc0;
    private readonly Vector3 _lambda;
    private readonly Vector3 _current;
    private readonly Vector3 _v1;
    private readonly Vector3 _v2;
    private readonly Vector3 _soc;

    /// <param name="cell">The cell, with its coefficients frozen for the epoch.</param>
    /// <param name="sourceV">The loop's source voltage (V_set for CV, 0 for a resistive load).</param>
    /// <param name="loopOhm">The loop resistance R_s.</param>
    /// <param name="loadOhm">The part of R_s outside the channel's terminals (0 for CV).</param>
    /// <param name="segment">The OCV piece SOC is on.</param>
    /// <param name="efficiency">Charge efficiency for the current's direction.</param>
    /// <param name="direction">Sign of the current on this path (+1 charge, −1 discharge, 0 none).</param>
    public HeldVoltagePath(SimulatedCell cell, double sourceV, double loopOhm, double loadOhm, OcvSegment segment, double efficiency, int direction)
    {
        var k = cell.Coefficients;
        SourceV = sourceV;
        _loadOhm = loadOhm;
        Direction = direction;
        _soc0 = cell.Soc;
        _r0 = k.R0Ohm;
        _r1 = k.R1Ohm;
        _r2 = k.R2Ohm;
        _pair1 = k.HasPair1;
        _pair2 = k.HasPair2;
        double slope = segment.SlopeVPerUnit;

        // Diagonal d and coupling w of the system matrix diag(d) − w·1ᵀ over (u, v1?, v2?).
        Span<double> d = stackalloc double[3];
        Span<double> w = stackalloc double[3];
        Span<double> y = stackalloc double[3];
        int n = 0;
        d[n] = 0;
        w[n] = slope * efficiency * k.SocPerAmpereSecond / loopOhm;
        n++;
        int index1 = -1, index2 = -1;
        if (_pair1)
        {
            index1 = n;
            d[n] = -k.InverseTau1;
            w[n] = k.InverseC1 / loopOhm;
            n++;
        }

        if (_pair2)
        {
            index2 = n;
            d[n] = -k.InverseTau2;
            w[n] = k.InverseC2 / loopOhm;
            n++;
        }

        _modes = n;

        // Steady state: the current replaces the leakage, each RC voltage settles at I*·Rk.
        _steadyCurrent = k.LeakA / efficiency;
        _steadyV1 = _steadyCurrent * k.R1Ohm;
        _steadyV2 = _steadyCurrent * k.R2Ohm;
        double steadyU = (-_steadyCurrent * loopOhm) - _steadyV1 - _steadyV2;
        y[0] = segment.VoltageAt(_soc0) - sourceV - steadyU;
        if (_pair1)
        {
            y[index1] = cell.V1 - _steadyV1;
        }

        if (_pair2)
        {
            y[index2] = cell.V2 - _steadyV2;
        }

        Span<double> lambda = stackalloc double[3];
        SecularRoots.Solve(d[..n], w[..n], lambda[..n]);

        // Modes: right eigenvectors ψ_j = w_j/(d_j − λ), left ones φ_j = 1/(d_j − λ); amplitude α = φ·y / φ·ψ.
        for (int i = 0; i < n; i++)
        {
            double numerator = 0, denominator = 0, sum = 0;
            for (int j = 0; j < n; j++)
            {
                double phi = 1 / (d[j] - lambda[i]);
                double psi = w[j] * phi;
                numerator += phi * y[j];
                denominator += phi * psi;
                sum += psi;
            }

            double alpha = numerator / denominator;
            _lambda[i] = lambda[i];
            _current[i] = -alpha * sum / loopOhm;
            _soc[i] = alpha * (w[0] / (d[0] - lambda[i])) / slope;
            _v1[i] = index1 >= 0 ? alpha * w[index1] / (d[index1] - lambda[i]) : 0;
            _v2[i] = index2 >= 0 ? alpha * w[index2] / (d[index2] - lambda[i]) : 0;
        }

        _seiLossFraction = direction > 0 && cell.SeiRemainingAh > 0 ? 1 - efficiency : 0;
        SeiRemainingAh = cell.SeiRemainingAh;
        UpperSoc = segment.UpperSoc;
        LowerSoc = segment.LowerSoc;
        _steadyHeat = k.JouleHeatW(_steadyCurrent, _steadyV1, _steadyV2);
        _t0 = cell.TemperatureC;
        _ambient = k.AmbientC;
        _kappa = k.CoolingRatePerS;
        _inverseHeatCapacity = 1 / k.HeatCapacityJPerK;
        _externalHeatW = k.ExternalHeatW;
        StartCurrent = CurrentAt(0);
    }

    /// <summary>The loop's source voltage.</summary>
    public double SourceV { get; }

    /// <summary>Sign of the current on this path (+1 charge, −1 discharge, 0 at rest).</summary>
    public int Direction { get; }

    public double StartCurrent { get; }

    /// <summary>Upper end of the OCV piece.</summary>
    public double UpperSoc { get; }

    /// <summary>Lower end of the OCV piece.</summary>
    public double LowerSoc { get; }

    public double SeiRemainingAh { get; }

    /// <summary>Charge (A·s) at which the SEI budget runs out (+infinity if it does not on this path).</summary>
    public double ChargeAtSeiExhaustedAs => _seiLossFraction > 0 ? SeiRemainingAh * 3600 / _seiLossFraction : double.PositiveInfinity;

    public double CurrentAt(double t)
    {
        double sum = _steadyCurrent;
        for (int i = 0; i < _modes; i++)
        {
            sum += _current[i] * Math.Exp(_lambda[i] * t);
        }

        return sum;
    }

    public double ValueAt(double timeS) => CurrentAt(timeS);

    /// <summary>Terminal voltage at the channel: the source less the drop over the external load.</summary>
    public double TerminalVoltageAt(double t) => _loadOhm == 0 ? SourceV : SourceV - (_loadOhm * CurrentAt(t));

    /// <summary>The current that makes the terminal voltage equal <paramref name="voltageV"/> (for voltage thresholds of a resistive load).</summary>
    public double CurrentForTerminalVoltage(double voltageV) => (SourceV - voltageV) / _loadOhm;

    public bool HasLoad => _loadOhm > 0;

    /// <summary>∫I dt in ampere-seconds.</summary>
    public double ChargeAsAt(double t)
    {
        double sum = _steadyCurrent * t;
        for (int i = 0; i < _modes; i++)
        {
            sum += _current[i] * Exponentials.Integral(_lambda[i], t);
        }

        return sum;
    }

    /// <summary>∫V·I dt at the channel's terminals: V_s·∫I − R_load·∫I².</summary>
    public double EnergyWsAt(double t) => (SourceV * ChargeAsAt(t)) - (_loadOhm == 0 ? 0 : _loadOhm * CurrentSquaredAt(t));

    public double SocAt(double t)
    {
        double sum = _soc0;
        for (int i = 0; i < _modes; i++)
        {
            sum += _soc[i] * (Math.Exp(_lambda[i] * t) - 1);
        }

        return sum;
    }

    public double V1At(double t) => _pair1 ? _steadyV1 + Modes(_v1, t) : 0;

    public double V2At(double t) => _pair2 ? _steadyV2 + Modes(_v2, t) : 0;

    public double SeiUsedAhAt(double t) => _seiLossFraction * ChargeAsAt(t) / 3600;

    /// <summary>Joule heat generated inside the cell, ∫(R0·I² + Σv²/R) dt in joules.</summary>
    public double HeatJAt(double t)
    {
        double sum = _steadyHeat * t;
        for (int i = 0; i < _modes; i++)
        {
            sum += LinearHeat(i) * Exponentials.Integral(_lambda[i], t);
            for (int j = i; j < _modes; j++)
            {
                sum += QuadraticHeat(i, j) * Exponentials.Integral(_lambda[i] + _lambda[j], t);
            }
        }

        return sum;
    }

    /// <summary>The cell temperature: the lumped thermal model driven by this path's heat, exactly.</summary>
    public double TemperatureAt(double t)
    {
        double cool = Math.Exp(-_kappa * t);
        double lag = -_kappa;
        Span<double> e = stackalloc double[3];
        for (int i = 0; i < _modes; i++)
        {
            e[i] = Math.Exp(_lambda[i] * t);
        }

        double response = (_steadyHeat + _externalHeatW) * Exponentials.Difference(0, 1, lag, cool, t);
        for (int i = 0; i < _modes; i++)
        {
            response += LinearHeat(i) * Exponentials.Difference(_lambda[i], e[i], lag, cool, t);
            for (int j = i; j < _modes; j++)
            {
                response += QuadraticHeat(i, j) * Exponentials.Difference(_lambda[i] + _lambda[j], e[i] * e[j], lag, cool, t);
            }
        }

        return _ambient + ((_t0 - _ambient) * cool) + (_inverseHeatCapacity * response);
    }

    /// <summary>Where dI/dt = 0 within (0, end): at most two instants.</summary>
    public int CurrentExtrema(double end, out double first, out double second) => DerivativeZeros(_current, end, out first, out second);

    /// <summary>Where dSOC/dt = 0 within (0, end): at most two instants.</summary>
    public int SocExtrema(double end, out double first, out double second) => DerivativeZeros(_soc, end, out first, out second);

    /// <summary>A view whose value is the charge moved, for crossing searches.</summary>
    public ChargeSignal Charge => new(this);

    /// <summary>A view whose value is the SOC, for OCV-piece exits.</summary>
    public SocSignal Soc => new(this);

    /// <summary>A view whose value is the temperature.</summary>
    public TemperatureSignal Temperature => new(this);

    private double Modes(in Vector3 amplitude, double t)
    {
        double sum = 0;
        for (int i = 0; i < _modes; i++)
        {
            sum += amplitude[i] * Math.Exp(_lambda[i] * t);
        }

        return sum;
    }

    private double CurrentSquaredAt(double t)
    {
        double sum = _steadyCurrent * _steadyCurrent * t;
        for (int i = 0; i < _modes; i++)
        {
            sum += 2 * _steadyCurrent * _current[i] * Exponentials.Integral(_lambda[i], t);
            for (int j = i; j < _modes; j++)
            {
                double pair = (i == j ? 1 : 2) * _current[i] * _current[j];
                sum += pair * Exponentials.Integral(_lambda[i] + _lambda[j], t);
            }
        }

        return sum;
    }

    // Heat = R0·I² + v1²/R1 + v2²/R2, each a steady part plus modes: its e^(λi t) and e^((λi+λj) t) coefficients.
    private double LinearHeat(int i) =>
        (2 * _r0 * _steadyCurrent * _current[i])
        + (_pair1 ? 2 * _steadyV1 * _v1[i] / _r1 : 0)
        + (_pair2 ? 2 * _steadyV2 * _v2[i] / _r2 : 0);

    private double QuadraticHeat(int i, int j) => (i == j ? 1 : 2) * (
        (_r0 * _current[i] * _current[j])
        + (_pair1 ? _v1[i] * _v1[j] / _r1 : 0)
        + (_pair2 ? _v2[i] * _v2[j] / _r2 : 0));

    private int DerivativeZeros(in Vector3 amplitude, double end, out double first, out double second) =>
        ExponentialZeros.Find(
            amplitude[0] * _lambda[0], _lambda[0],
            _modes > 1 ? amplitude[1] * _lambda[1] : 0, _modes > 1 ? _lambda[1] : 0,
            _modes > 2 ? amplitude[2] * _lambda[2] : 0, _modes > 2 ? _lambda[2] : 0,
            end, out first, out second);

    internal readonly struct ChargeSignal(HeldVoltagePath path) : ISignal
    {
        public double ValueAt(double timeS) => path.ChargeAsAt(timeS);
    }

    internal readonly struct SocSignal(HeldVoltagePath path) : ISignal
    {
        public double ValueAt(double timeS) => path.SocAt(timeS);
    }

    internal readonly struct TemperatureSignal(HeldVoltagePath path) : ISignal
    {
        public double ValueAt(double timeS) => path.TemperatureAt(timeS);
    }
}
