namespace FormationControl.Simulator.Numerics;

/// <summary>
/// Finds when a signal first triggers a <see cref="Threshold"/> on [0, h], for signals whose interior extrema are
/// known (every path of the cell model has at most two). Between the samples the signal is monotone, so the first
/// piece whose end triggers holds the first crossing, which bisection then narrows to <see cref="ToleranceS"/>.
/// </summary>
internal static class FirstCrossing
{
    /// <summary>Width the crossing time is narrowed to; far below the 10 ms step-time register resolution.</summary>
    public const double ToleranceS = 1e-7;

    /// <summary>
    /// The first time in [0, h] at which the threshold is triggered (the returned time is on the triggered
    /// side, at most <see cref="ToleranceS"/> past the crossing), or +infinity.
    /// </summary>
    public static double Find<TSignal>(in TSignal signal, Threshold threshold, in SignalSamples samples)
        where TSignal : struct, ISignal
    {
        if (threshold.IsTriggeredBy(samples.AtStart))
        {
            return 0;
        }

        Span<double> times = stackalloc double[4];
        Span<double> values = stackalloc double[4];
        int n = samples.Points(times, values);
        for (int i = 1; i < n; i++)
        {
            if (threshold.IsTriggeredBy(values[i]))
            {
                return Bisect(signal, threshold, times[i - 1], times[i]);
            }
        }

        return double.PositiveInfinity;
    }

    /// <summary>
    /// For a signal known only at its ends (the temperature, whose epochs are kept short enough to be monotone): the
    /// first time the threshold is triggered, assuming at most one crossing on [0, h].
    /// </summary>
    public static double FindBetweenEnds<TSignal>(in TSignal signal, Threshold threshold, double atStart, double h, double atEnd)
        where TSignal : struct, ISignal
    {
        if (threshold.IsTriggeredBy(atStart))
        {
            return 0;
        }

        return threshold.IsTriggeredBy(atEnd) ? Bisect(signal, threshold, 0, h) : double.PositiveInfinity;
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
