using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Cells;

/// <summary>
/// The exact solution for a constant current while the cell stays on one OCV piece and one charge-efficiency
/// regime: SOC moves linearly, V1 relaxes exponentially towards I·R1, so the terminal voltage is
/// <c>a + b·t + c·e^(−t/τ)</c>, which has at most one extremum. Time is measured from the path's start.
/// </summary>
internal readonly struct ConstantCurrentPath : ISignal
{
    private readonly double _soc0;
    private readonly double _socRate;
    private readonly OcvSegment _segment;
    private readonly double _r0;
    private readonly double _tau;
    private readonly double _inverseTau;
    private readonly double _v1Final;
    private readonly double _v1Excess;
    private readonly double _seiRateAhPerS;
    private readonly double _seiRemainingAh;

    public ConstantCurrentPath(SimulatedCell cell, double currentA, OcvSegment segment, double efficiency)
    {
        var truth = cell.Truth;
        CurrentA = currentA;
        _soc0 = cell.Soc;
        _socRate = efficiency * currentA * cell.SocPerAmpereSecond;
        _segment = segment;
        _r0 = truth.R0Ohm;
        _tau = truth.Tau1S;
        _inverseTau = cell.InverseTau;
        _v1Final = currentA * truth.R1Ohm;
        _v1Excess = cell.V1 - _v1Final;
        _seiRemainingAh = cell.SeiRemainingAh;
        _seiRateAhPerS = currentA > 0 && _seiRemainingAh > 0 ? (1 - efficiency) * currentA / 3600 : 0;
        SegmentBoundary = _socRate > 0 ? segment.UpperSoc : _socRate < 0 ? segment.LowerSoc : double.NaN;
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
    public double StartVoltage => _segment.VoltageAt(_soc0) + (CurrentA * _r0) + _v1Final + _v1Excess;

    public double SocAt(double t) => _soc0 + (_socRate * t);

    /// <summary>e^(−t/τ): computed once per instant and handed to the <c>…From</c> overloads.</summary>
    public double DecayAt(double t) => Math.Exp(-t * _inverseTau);

    public double V1From(double decay) => _v1Final + (_v1Excess * decay);

    public double VoltageAt(double t) => VoltageAt(t, DecayAt(t));

    public double VoltageAt(double t, double decay) => _segment.VoltageAt(SocAt(t)) + (CurrentA * _r0) + V1From(decay);

    public double ValueAt(double timeS) => VoltageAt(timeS);

    /// <summary>Charge moved, in ampere-seconds (positive into the cell).</summary>
    public double ChargeAsAt(double t) => CurrentA * t;

    /// <summary>Charge moved, in ampere-hours.</summary>
    public double ChargeAhAt(double t) => CurrentA * t * (1.0 / 3600);

    /// <summary>Energy moved, ∫V·I dt in watt-seconds, in closed form.</summary>
    public double EnergyWsAt(double t, double decay)
    {
        if (CurrentA == 0)
        {
            return 0;
        }

        // 1 − e^(−t/τ), by its series where the subtraction would cancel.
        double x = t * _inverseTau;
        double relaxed = x < 1e-5 ? x * (1 - (x * (0.5 - (x / 6)))) : 1 - decay;
        double integralV = ((_segment.InterceptV + (CurrentA * _r0) + _v1Final + (_segment.SlopeVPerUnit * _soc0)) * t)
            + (_segment.SlopeVPerUnit * _socRate * t * t / 2)
            + (_v1Excess * _tau * relaxed);
        return CurrentA * integralV;
    }

    /// <summary>SEI budget left at <paramref name="t"/>.</summary>
    public double SeiRemainingAhAt(double t) => Math.Max(0, _seiRemainingAh - (_seiRateAhPerS * t));

    /// <summary>Where dV/dt = 0: slope·ṡ = (V1 excess / τ)·e^(−t/τ); NaN when there is none.</summary>
    public double VoltageExtremumS
    {
        get
        {
            // ratio = slope·ṡ·τ / excess must lie in (0, 1); checked without dividing, as it rarely does.
            double numerator = _segment.SlopeVPerUnit * _socRate * _tau;
            bool inside = numerator != 0 && (numerator > 0) == (_v1Excess > 0) && Math.Abs(numerator) < Math.Abs(_v1Excess);
            return inside ? -_tau * Math.Log(numerator / _v1Excess) : double.NaN;
        }
    }
}
