namespace FormationControl.Simulator.Numerics;

/// <summary>
/// A signal evaluated at the start of an interval, at its interior extremum (if it has one there) and at the
/// end: enough to tell whether and where a threshold is crossed, see <see cref="FirstCrossing"/>.
/// </summary>
internal readonly record struct SignalSamples(double AtStart, double ExtremumTimeS, double AtExtremum, double EndTimeS, double AtEnd)
{
    public bool HasExtremum => ExtremumTimeS > 0 && ExtremumTimeS < EndTimeS;

    /// <summary>Samples a signal on [0, end] given the time of its only extremum (NaN or anything outside (0, end) if none).</summary>
    public static SignalSamples Take<TSignal>(in TSignal signal, double atStart, double extremumTimeS, double endTimeS)
        where TSignal : struct, ISignal
    {
        bool inside = extremumTimeS > 0 && extremumTimeS < endTimeS;
        return new SignalSamples(
            atStart,
            inside ? extremumTimeS : double.NaN,
            inside ? signal.ValueAt(extremumTimeS) : double.NaN,
            endTimeS,
            signal.ValueAt(endTimeS));
    }
}
