using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Cycler;

/// <summary>Finds the first event on a fixed-current path of a running step.</summary>
internal static class ConstantCurrentLeg
{
    /// <param name="path">The cell's path at the phase current.</param>
    /// <param name="spanS">How far ahead to look.</param>
    /// <param name="step">The running step.</param>
    /// <param name="phase">The current phase (fixed current).</param>
    /// <param name="timeLeftS">Time to the step's time cut-off (+infinity if none).</param>
    /// <param name="stepAh">Step charge so far.</param>
    /// <param name="limits">Hardware protection window.</param>
    /// <param name="decayAtSpan">e^(−span/τ) of the path, which the caller reuses when nothing happens on the way.</param>
    public static EarliestEvent Find(in ConstantCurrentPath path, double spanS, in StepSettings step, ChannelPhase phase, double timeLeftS, double stepAh, ProtectionLimits limits, double decayAtSpan)
    {
        var first = new EarliestEvent(spanS);
        first.Offer(Math.Max(0, timeLeftS), LegEvent.Time);
        if (step.CutoffAh > 0)
        {
            first.Offer(CapacityReachedS(stepAh, path.CurrentA, step.CutoffAh), LegEvent.Capacity);
        }

        // A voltage-holding step limited to zero current has tapered by definition.
        if (step.HoldsVoltage && phase.CurrentA == 0 && step.CutoffCurrentA > 0)
        {
            first.Offer(0, LegEvent.Current);
        }

        first.Offer(path.SegmentExitWithin(first.TimeS), LegEvent.SegmentExit);
        first.Offer(path.SeiExhaustedWithin(first.TimeS), LegEvent.SeiExhausted);

        double end = first.TimeS;
        double extremum = path.VoltageExtremumS;
        bool inside = extremum > 0 && extremum < end;
        var voltage = new SignalSamples(
            path.StartVoltage,
            inside ? extremum : double.NaN,
            inside ? path.VoltageAt(extremum) : double.NaN,
            end,
            end == spanS ? path.VoltageAt(end, decayAtSpan) : path.VoltageAt(end));
        first.Offer(FirstCrossing.Find(path, new Threshold(limits.OverVoltageV, Rising: true, Strict: true), voltage), LegEvent.OverVoltage);
        first.Offer(FirstCrossing.Find(path, new Threshold(limits.UnderVoltageV, Rising: false, Strict: true), voltage), LegEvent.UnderVoltage);
        if (step.CutoffVoltageV > 0 && step.Mode is ChannelMode.ChargeCc or ChannelMode.DischargeCc)
        {
            var cutoff = new Threshold(step.CutoffVoltageV, Rising: step.Mode == ChannelMode.ChargeCc);
            first.Offer(FirstCrossing.Find(path, cutoff, voltage), LegEvent.Voltage);
        }

        if (phase.Approach != SetpointApproach.None)
        {
            var setpoint = new Threshold(step.VoltageV, Rising: phase.Approach == SetpointApproach.Rising);
            first.Offer(FirstCrossing.Find(path, setpoint, voltage), LegEvent.EnterHold);
        }

        return first;
    }

    private static double CapacityReachedS(double stepAh, double currentA, double cutoffAh)
    {
        if (Math.Abs(stepAh) >= cutoffAh)
        {
            return 0;
        }

        return currentA switch
        {
            > 0 => (cutoffAh - stepAh) * 3600 / currentA,
            < 0 => (-cutoffAh - stepAh) * 3600 / currentA,
            _ => double.PositiveInfinity,
        };
    }
}
