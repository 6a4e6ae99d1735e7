namespace FormationControl.Simulator.Numerics;

/// <summary>
/// Finds when a signal first triggers a <see cref="Threshold"/> on [0, h], for signals with at most one
/// interior extremum (true of every path the cell model produces: a line plus one exponential, or two
/// exponentials). Either side of the extremum the signal is monotone, so sampling the ends and the extremum
/// brackets the first crossing, which bisection then narrows to <see cref="ToleranceS"/>.
/// </summary>
internal static class FirstCrossing
{
    /// <summary>Width the crossing time is narrowed to; far below the 10 ms step-time register resolution.</summary>
    public const double ToleranceS = 1e-7;

    /// <summary>
    /// The first time in [0, h] at which the threshold is triggered (the returned time is on the triggered
    /// side, at most <see cref="ToleranceS"/> past the crossing), or +infinity.
    /// </summary>
    /// <param name="signal">The signal.</param>
    /// <param name="threshold">The level watched.</param>
    /// <param name="samples">The signal at 0, at its extremum and at h.</param>
    public static double Find<TSignal>(in TSignal signal, Threshold threshold, in SignalSamples samples)
        where TSignal : struct, ISignal
    {
        if (threshold.IsTriggeredBy(samples.AtStart))
        {
            return 0;
        }

        double lo = 0;
        if (samples.HasExtremum)
        {
            if (threshold.IsTriggeredBy(samples.AtExtremum))
            {
                return Bisect(signal, threshold, 0, samples.ExtremumTimeS);
            }

            lo = samples.ExtremumTimeS;
        }

        return threshold.IsTriggeredBy(samples.AtEnd) ? Bisect(signal, threshold, lo, samples.EndTimeS) : double.PositiveInfinity;
    }

    private static double Bisect<TSignal>(in TSignal signal, Threshold threshold, double lo, double hi)
        where TSignal : struct, ISignal
    {
        // Invariant: not triggered at lo, triggered at hi.
        for (int i = 0; i < 200 && hi - lo > ToleranceS; i++)
        {
            double mid = lo + (0.5 * (hi - lo));
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (threshold.IsTriggeredBy(signal.ValueAt(mid)))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }
}
