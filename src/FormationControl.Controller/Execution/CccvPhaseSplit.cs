using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Execution;

/// <summary>
/// Splits a CCCV step into its constant-current and constant-voltage parts from the polls the controller sees (the
/// device reports one step, not when it moved from CC to CV). The CV part has begun once the current has fallen below
/// the setpoint by more than <see cref="CurrentTolerance"/>; the moment of the change between the last CC poll and
/// that poll is estimated from the charge that moved between them, taking the current as constant before the change
/// and falling linearly after it. The estimate is clamped to the two polls, so its error is under one poll interval.
/// </summary>
public sealed class CccvPhaseSplit
{
    /// <summary>How far below the setpoint (as a fraction) the current must fall to count as constant-voltage.</summary>
    public const double CurrentTolerance = 0.02;

    private readonly double _setpointA;
    private (double TimeS, double Ah)? _lastCc;
    private CccvParts? _ccEnd;

    public CccvPhaseSplit(double setpointA)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(setpointA);
        _setpointA = setpointA;
    }

    /// <summary>A split for a CCCV step; null for every other step type.</summary>
    public static CccvPhaseSplit? For(ProfileStep step) =>
        step.Type is StepType.ChargeCccv or StepType.DischargeCccv && step.CurrentA is > 0 and var a ? new CccvPhaseSplit(a) : null;

    /// <summary>What a checkpoint keeps to go on splitting the step after a restart.</summary>
    public CccvSplitState State => new(_lastCc?.TimeS, _lastCc?.Ah, _ccEnd);

    /// <summary>Goes on from <paramref name="state"/> (taken from <see cref="State"/> before a restart).</summary>
    public CccvPhaseSplit Resume(CccvSplitState? state)
    {
        if (state is { } s)
        {
            _lastCc = s.LastCcTimeS is { } t && s.LastCcAh is { } ah ? (t, ah) : null;
            _ccEnd = s.CcEnd;
        }

        return this;
    }

    /// <summary>One poll of the running step: its totals so far and the current now (signed or not).</summary>
    public void Observe(double timeS, double ah, double currentA)
    {
        if (_ccEnd is not null)
        {
            return;
        }

        if (Math.Abs(currentA) >= _setpointA * (1 - CurrentTolerance))
        {
            _lastCc = (timeS, ah);
            return;
        }

        var (t1, ah1) = _lastCc ?? (0, 0);
        double i2 = Math.Abs(currentA);
        double moved = Math.Abs(ah - ah1) * 3600; // A·s between the two polls
        double mean = (_setpointA + i2) / 2;
        double change = (moved + (_setpointA * t1) - (mean * timeS)) / (_setpointA - mean);
        change = Math.Clamp(change, t1, timeS);
        double ccAh = Math.Abs(ah1) + (_setpointA * (change - t1) / 3600);
        _ccEnd = new CccvParts(change, Math.CopySign(ccAh, ah), 0, 0);
    }

    /// <summary>The parts at the step's end (its totals); all constant-current if the voltage was never reached.</summary>
    public CccvParts Split(double timeS, double ah) =>
        _ccEnd is { } cc ? cc with { CvDurationS = Math.Max(0, timeS - cc.CcDurationS), CvAh = ah - cc.CcAh } : new CccvParts(timeS, ah, 0, 0);
}

/// <summary>A split in progress: the last poll still at constant current, and where constant voltage began if it has.</summary>
public readonly record struct CccvSplitState(double? LastCcTimeS, double? LastCcAh, CccvParts? CcEnd);

/// <summary>The constant-current and constant-voltage parts of a CCCV step (Ah signed like the step's).</summary>
public readonly record struct CccvParts(double CcDurationS, double CcAh, double CvDurationS, double CvAh);
