using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Logging;

/// <summary>
/// Decides which polled samples are worth keeping: every step boundary, and in between whenever the
/// logging interval has passed or voltage or current moved by more than their thresholds since the last
/// sample kept. Polling is fast; storage keeps only what carries information.
/// Interval samples keep to a grid of the interval: a poll up to <see cref="IntervalTolerance"/> of an interval
/// early counts (a 1 s interval polled every 1 s with jitter would otherwise skip every poll that came a few
/// milliseconds early and leave two-second holes), and the next one is due an interval after the grid point, so
/// fast polling does not make the samples come more often than the interval.
/// </summary>
public sealed class SampleLogger
{
    /// <summary>How early (as a fraction of the interval) a poll may come and still count as the interval's sample.</summary>
    public const double IntervalTolerance = 0.1;

    private LoggingCriteria _criteria;
    private bool _hasLast;
    private double _lastTimeS, _lastVoltageV, _lastCurrentA;

    public SampleLogger(LoggingCriteria criteria) => _criteria = criteria;

    /// <summary>Starts a step: its first sample is always kept. A step may override the criteria.</summary>
    public void BeginStep(LoggingCriteria criteria)
    {
        _criteria = criteria;
        _hasLast = false;
    }

    /// <summary>The last sample kept in this step, the reference of the next decision; null before the step's first.</summary>
    public SampleReference? Reference => _hasLast ? new SampleReference(_lastTimeS, _lastVoltageV, _lastCurrentA) : null;

    /// <summary>Continues a step after a restart: its criteria and the last sample kept before it.</summary>
    public void Restore(LoggingCriteria criteria, SampleReference? reference)
    {
        BeginStep(criteria);
        if (reference is { } r)
        {
            (_hasLast, _lastTimeS, _lastVoltageV, _lastCurrentA) = (true, r.StepTimeS, r.VoltageV, r.CurrentA);
        }
    }

    /// <summary>Whether to keep this sample; a kept sample becomes the reference for the next decision.</summary>
    public bool ShouldLog(double stepTimeS, double voltageV, double currentA, bool boundary = false)
    {
        double interval = _criteria.Interval?.TotalSeconds ?? double.PositiveInfinity;
        bool due = _hasLast && stepTimeS - _lastTimeS >= (interval * (1 - IntervalTolerance)) - 1e-9;
        bool keep = boundary || !_hasLast || due
            || (_criteria.DeltaVoltageV is { } dv && Math.Abs(voltageV - _lastVoltageV) >= dv)
            || (_criteria.DeltaCurrentA is { } di && Math.Abs(currentA - _lastCurrentA) >= di);
        if (keep)
        {
            // On the interval's grid while polls keep up with it; from this sample after a gap or another reason.
            bool onGrid = due && !boundary && stepTimeS - (_lastTimeS + interval) < interval * IntervalTolerance;
            _hasLast = true;
            _lastTimeS = onGrid ? _lastTimeS + interval : stepTimeS;
            _lastVoltageV = voltageV;
            _lastCurrentA = currentA;
        }

        return keep;
    }
}
