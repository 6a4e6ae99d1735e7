using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Cells;

/// <summary>
/// The exact solution for a constant current while the cell stays on one OCV piece, one charge-efficiency regime
/// and one coefficient epoch. SOC moves linearly (charge current times η, less the leakage), each RC voltage relaxes
/// exponentially towards I·Rk, so the terminal voltage is <c>a + b·t + c1·e^(−t/τ1) + c2·e^(−t/τ2)</c>, which has
/// at most two extrema. The Joule heat is a sum of exponentials, and so is the temperature of the lumped thermal
/// model driven by it. Time is measured from the path's start.
/// </summary>
internal readonly struct FixedCurrentPath : ISignal
{
    private readonly double _soc0;
    private readonly double _socRate;
    private readonly double _base;
    private readonly double _voltageSlope;
    private readonly double _inverseTau1, _inverseTau2, _tau1, _tau2;
    private readonly double _v1Final, _v1Excess, _v2Final, _v2Excess;
    private readonly double _seiRateAhPerS;
    private readonly double _seiRemainingAh;
    private readonly double _heatConstant;
    private readonly double _heat1Linear, _heat1Square, _heat2Linear, _heat2Square;
    private readonly double _t0, _ambient, _kappa, _inverseHeatCapacity, _externalHeatW;

    public FixedCurrentPath(SimulatedCell cell, double currentA, OcvSegment segment, double efficiency)
    {
        var k = cell.Coefficients;
        CurrentA = currentA;
        _soc0 = cell.Soc;
        _socRate = ((efficiency * currentA) - k.LeakA) * k.SocPerAmpereSecond;
        _inverseTau1 = k.InverseTau1;
        _inverseTau2 = k.InverseTau2;
        _tau1 = k.HasPair1 ? k.Tau1S : 0;
        _tau2 = k.HasPair2 ? k.Tau2S : 0;
        _v1Final = currentA * k.R1Ohm;
        _v1Excess = cell.V1 - _v1Final;
        _v2Final = currentA * k.R2Ohm;
        _v2Excess = cell.V2 - _v2Final;
        _base = segment.InterceptV + (segment.SlopeVPerUnit * _soc0) + (currentA * k.SeriesOhm) + _v1Final + _v2Final;
        _voltageSlope = segment.SlopeVPerUnit * _socRate;
        _seiRemainingAh = cell.SeiRemainingAh;
        _seiRateAhPerS = currentA > 0 && _seiRemainingAh > 0 ? (1 - efficiency) * currentA / 3600 : 0;
        SegmentBoundary = _socRate > 0 ? segment.UpperSoc : _socRate < 0 ? segment.LowerSoc : double.NaN;

        // Joule heat: I²R0 + Σ (Vf + Vx·e)²/R = constant + Σ (2·Vf·Vx/R)·e + (Vx²/R)·e².
        _heatConstant = currentA * currentA * k.R0Ohm;
        if (k.HasPair1)
        {
            _heatConstant += _v1Final * _v1Final / k.R1Ohm;
            _heat1Linear = 2 * _v1Final * _v1Excess / k.R1Ohm;
            _heat1Square = _v1Excess * _v1Excess / k.R1Ohm;
        }

        if (k.HasPair2)
        {
            _heatConstant += _v2Final * _v2Final / k.R2Ohm;
            _heat2Linear = 2 * _v2Final * _v2Excess / k.R2Ohm;
            _heat2Square = _v2Excess * _v2Excess / k.R2Ohm;
        }

        _t0 = cell.TemperatureC;
        _ambient = k.AmbientC;
        _kappa = k.CoolingRatePerS;
        _inverseHeatCapacity = 1 / k.HeatCapacityJPerK;
        _externalHeatW = k.ExternalHeatW;
    }

    public double CurrentA { get; }

    /// <summary>The SOC where the path leaves its piece (±infinity or NaN if never).</summary>
    public double SegmentBoundary { get; }

    /// <summary>When SOC leaves the OCV piece, if that is within <paramref name="horizonS"/>; +infinity otherwise.</summary>
    public double SegmentExitWithin(double horizonS)
    {
        // Compared before dividing: on almost every leg the boundary is far away.
        double distance = SegmentBoundary - _soc0;
        return Math.Abs(distance) <= Math.Abs(_socRate) * horizonS ? Math.Max(0, distance / _socRate) : double.PositiveInfinity;
    }

    /// <summary>When the SEI budget runs out (the charge efficiency changes), if within <paramref name="horizonS"/>.</summary>
    public double SeiExhaustedWithin(double horizonS) =>
        _seiRateAhPerS > 0 && _seiRemainingAh <= _seiRateAhPerS * horizonS ? _seiRemainingAh / _seiRateAhPerS : double.PositiveInfinity;

    /// <summary>Terminal voltage at the start, without an exponential.</summary>
    public double StartVoltage => _base + _v1Excess + _v2Excess;

    public double SocAt(double t) => _soc0 + (_socRate * t);

    public RelaxationDecays DecaysAt(double t) => new(
        _inverseTau1 == 0 ? 1 : Math.Exp(-t * _inverseTau1),
        _inverseTau2 == 0 ? 1 : Math.Exp(-t * _inverseTau2));

    public double V1At(in RelaxationDecays d) => _v1Final + (_v1Excess * d.E1);

    public double V2At(in RelaxationDecays d) => _v2Final + (_v2Excess * d.E2);

    public double VoltageAt(double t) => VoltageAt(t, DecaysAt(t));

    public double VoltageAt(double t, in RelaxationDecays d) => _base + (_voltageSlope * t) + (_v1Excess * d.E1) + (_v2Excess * d.E2);

    public double ValueAt(double timeS) => VoltageAt(timeS);

    /// <summary>Charge moved, in ampere-hours (positive into the cell).</summary>
    public double ChargeAhAt(double t) => CurrentA * t * (1.0 / 3600);

    /// <summary>Energy moved, ∫V·I dt in watt-seconds, in closed form.</summary>
    public double EnergyWsAt(double t, in RelaxationDecays d)
    {
        if (CurrentA == 0)
        {
            return 0;
        }

        double integralV = (_base * t) + (_voltageSlope * t * t / 2)
            + (_v1Excess * _tau1 * Relaxed(t * _inverseTau1, d.E1))
            + (_v2Excess * _tau2 * Relaxed(t * _inverseTau2, d.E2));
        return CurrentA * integralV;
    }

    /// <summary>Joule heat generated inside the cell, ∫P dt in joules.</summary>
    public double HeatJAt(double t, in RelaxationDecays d) =>
        (_heatConstant * t)
        + (_heat1Linear * _tau1 * Relaxed(t * _inverseTau1, d.E1)) + (_heat1Square * _tau1 / 2 * Relaxed(2 * t * _inverseTau1, d.E1 * d.E1))
        + (_heat2Linear * _tau2 * Relaxed(t * _inverseTau2, d.E2)) + (_heat2Square * _tau2 / 2 * Relaxed(2 * t * _inverseTau2, d.E2 * d.E2));

    /// <summary>The cell temperature: the lumped thermal model driven by this path's heat, exactly.</summary>
    public double TemperatureAt(double t, in RelaxationDecays d)
    {
        double cool = Math.Exp(-_kappa * t);
        double lag = -_kappa;
        double response = ((_heatConstant + _externalHeatW) * Exponentials.Difference(0, 1, lag, cool, t))
            + (_heat1Linear * Exponentials.Difference(-_inverseTau1, d.E1, lag, cool, t))
            + (_heat1Square * Exponentials.Difference(-2 * _inverseTau1, d.E1 * d.E1, lag, cool, t))
            + (_heat2Linear * Exponentials.Difference(-_inverseTau2, d.E2, lag, cool, t))
            + (_heat2Square * Exponentials.Difference(-2 * _inverseTau2, d.E2 * d.E2, lag, cool, t));
        return _ambient + ((_t0 - _ambient) * cool) + (_inverseHeatCapacity * response);
    }

    /// <summary>SEI budget left at <paramref name="t"/>.</summary>
    public double SeiRemainingAhAt(double t) => Math.Max(0, _seiRemainingAh - (_seiRateAhPerS * t));

    /// <summary>Where dV/dt = 0 within (0, end): at most two instants (NaN where absent).</summary>
    public int VoltageExtrema(double end, out double first, out double second) =>
        ExponentialZeros.Find(
            _voltageSlope, 0,
            -_v1Excess * _inverseTau1, -_inverseTau1,
            -_v2Excess * _inverseTau2, -_inverseTau2,
            end, out first, out second);

    /// <summary>dV/dt at the start (used to size power sub-steps).</summary>
    public double VoltageRateAtStart => _voltageSlope - (_v1Excess * _inverseTau1) - (_v2Excess * _inverseTau2);

    /// <summary>A view whose value is the temperature, for over-temperature searches.</summary>
    public TemperatureSignal Temperature => new(this);

    // 1 − e^(−x), by its series where the subtraction would cancel.
    private static double Relaxed(double x, double decay) => x < 1e-5 ? x * (1 - (x * (0.5 - (x / 6)))) : 1 - decay;

    internal readonly struct TemperatureSignal(FixedCurrentPath path) : ISignal
    {
        public double ValueAt(double timeS) => path.TemperatureAt(timeS, path.DecaysAt(timeS));
    }
}
