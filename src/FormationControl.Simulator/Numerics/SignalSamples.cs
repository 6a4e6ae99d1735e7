namespace FormationControl.Simulator.Numerics;

/// <summary>
/// A signal evaluated at the start of an interval, at its interior extrema (at most two: every path of the cell
/// model is a sum of a line and up to three exponentials) and at the end. Between these points the signal is
/// monotone, which is enough to tell whether and where a threshold is first crossed, see <see cref="FirstCrossing"/>.
/// </summary>
internal readonly struct SignalSamples
{
    private SignalSamples(double atStart, double endTimeS, double atEnd, int extrema, double t1, double v1, double t2, double v2)
    {
        AtStart = atStart;
        EndTimeS = endTimeS;
        AtEnd = atEnd;
        ExtremumCount = extrema;
        FirstExtremumS = t1;
        AtFirstExtremum = v1;
        SecondExtremumS = t2;
        AtSecondExtremum = v2;
    }

    public double AtStart { get; }

    public double EndTimeS { get; }

    public double AtEnd { get; }

    /// <summary>Interior extrema kept (0, 1 or 2), in time order.</summary>
    public int ExtremumCount { get; }

    public double FirstExtremumS { get; }

    public double AtFirstExtremum { get; }

    public double SecondExtremumS { get; }

    public double AtSecondExtremum { get; }

    /// <summary>Samples a signal on [0, end] given the times of its extrema (NaN, or anything outside (0, end), for none).</summary>
    public static SignalSamples Take<TSignal>(in TSignal signal, double atStart, double extremumS, double endTimeS)
        where TSignal : struct, ISignal =>
        Take(signal, atStart, extremumS, double.NaN, endTimeS, signal.ValueAt(endTimeS));

    /// <summary>Samples a signal whose value at the end is already known.</summary>
    public static SignalSamples Take<TSignal>(in TSignal signal, double atStart, double firstExtremumS, double secondExtremumS, double endTimeS, double atEnd)
        where TSignal : struct, ISignal
    {
        bool firstInside = firstExtremumS > 0 && firstExtremumS < endTimeS;
        bool secondInside = secondExtremumS > 0 && secondExtremumS < endTimeS;
        if (!firstInside)
        {
            (firstExtremumS, firstInside, secondInside) = (secondExtremumS, secondInside, false);
        }
        else if (secondInside && secondExtremumS < firstExtremumS)
        {
            (firstExtremumS, secondExtremumS) = (secondExtremumS, firstExtremumS);
        }

        return new SignalSamples(
            atStart,
            endTimeS,
            atEnd,
            (firstInside ? 1 : 0) + (secondInside ? 1 : 0),
            firstInside ? firstExtremumS : double.NaN,
            firstInside ? signal.ValueAt(firstExtremumS) : double.NaN,
            secondInside ? secondExtremumS : double.NaN,
            secondInside ? signal.ValueAt(secondExtremumS) : double.NaN);
    }

    /// <summary>The sample points as (time, value), start first, end last.</summary>
    public int Points(Span<double> times, Span<double> values)
    {
        int n = 0;
        times[n] = 0;
        values[n++] = AtStart;
        if (ExtremumCount > 0)
        {
            times[n] = FirstExtremumS;
            values[n++] = AtFirstExtremum;
        }

        if (ExtremumCount > 1)
        {
            times[n] = SecondExtremumS;
            values[n++] = AtSecondExtremum;
        }

        times[n] = EndTimeS;
        values[n++] = AtEnd;
        return n;
    }
}
