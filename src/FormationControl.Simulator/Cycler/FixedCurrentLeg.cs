using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Cycler;

/// <summary>Finds the first event on a fixed-current path (rest, CC, a current-limited approach, a power sub-step).</summary>
internal static class FixedCurrentLeg
{
    /// <param name="path">The cell's path at the phase current.</param>
    /// <param name="spanS">How far ahead to look.</param>
    /// <param name="step">The running step (default for a channel whose output is off).</param>
    /// <param name="phase">The current phase.</param>
    /// <param name="running">Whether a step runs: cut-offs and protections apply only then.</param>
    /// <param name="timeLeftS">Time to the step's time cut-off (+infinity if none).</param>
    /// <param name="stepAh">Step charge so far.</param>
    /// <param name="limits">Hardware protection window.</param>
    /// <param name="decaysAtSpan">The path's decays at the span, which the caller reuses when nothing happens on the way.</param>
    public static EarliestEvent Find(
        in FixedCurrentPath path, double spanS, in StepSettings step, ChannelPhase phase, bool running, double timeLeftS, double stepAh,
        ProtectionLimits limits, in RelaxationDecays decaysAtSpan)
    {
        var first = new EarliestEvent(spanS);
        if (running)
        {
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

            if (Math.Abs(path.CurrentA) > limits.OverCurrentA)
            {
                first.Offer(0, LegEvent.OverCurrent);
            }
        }

        first.Offer(path.SegmentExitWithin(first.TimeS), path.SegmentBoundary > path.SocAt(0) ? LegEvent.SegmentExitUp : LegEvent.SegmentExitDown);
        first.Offer(path.SeiExhaustedWithin(first.TimeS), LegEvent.SeiExhausted);
        if (!running)
        {
            return first;
        }

        double end = first.TimeS;
        var endDecays = end == spanS ? decaysAtSpan : path.DecaysAt(end);
        path.VoltageExtrema(end, out double e1, out double e2);
        var voltage = SignalSamples.Take(path, path.StartVoltage, e1, e2, end, path.VoltageAt(end, endDecays));
        first.Offer(FirstCrossing.Find(path, new Threshold(limits.OverVoltageV, Rising: true, Strict: true), voltage), LegEvent.OverVoltage);
        first.Offer(FirstCrossing.Find(path, new Threshold(limits.UnderVoltageV, Rising: false, Strict: true), voltage), LegEvent.UnderVoltage);
        if (step.HasVoltageCutoff)
        {
            first.Offer(FirstCrossing.Find(path, new Threshold(step.CutoffVoltageV, step.VoltageCutoffRising), voltage), LegEvent.Voltage);
        }

        if (phase.Approach != SetpointApproach.None)
        {
            var setpoint = new Threshold(step.VoltageV, Rising: phase.Approach == SetpointApproach.Rising);
            first.Offer(FirstCrossing.Find(path, setpoint, voltage), LegEvent.EnterHold);
        }

        // Temperature: epochs keep it monotone over a leg, so its ends bracket a crossing.
        var temperature = path.Temperature;
        double atEnd = path.TemperatureAt(end, endDecays);
        first.Offer(
            FirstCrossing.FindBetweenEnds(temperature, new Threshold(limits.OverTemperatureC, Rising: true, Strict: true), path.TemperatureAt(0, new RelaxationDecays(1, 1)), end, atEnd),
            LegEvent.OverTemperature);
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
