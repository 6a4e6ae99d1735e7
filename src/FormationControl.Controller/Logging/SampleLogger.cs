using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Logging;

/// <summary>
/// Decides which polled samples are worth keeping: every step boundary, and in between whenever the
/// logging interval has passed or voltage or current moved by more than their thresholds since the last
/// sample kept. Polling is fast; storage keeps only what carries information.
/// </summary>
public sealed class SampleLogger
{
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
        bool keep = boundary || !_hasLast
            || (_criteria.Interval is { } dt && stepTimeS - _lastTimeS >= dt.TotalSeconds - 1e-9)
            || (_criteria.DeltaVoltageV is { } dv && Math.Abs(voltageV - _lastVoltageV) >= dv)
            || (_criteria.DeltaCurrentA is { } di && Math.Abs(currentA - _lastCurrentA) >= di);
        if (keep)
        {
            _hasLast = true;
            _lastTimeS = stepTimeS;
            _lastVoltageV = voltageV;
            _lastCurrentA = currentA;
        }

        return keep;
    }
}
