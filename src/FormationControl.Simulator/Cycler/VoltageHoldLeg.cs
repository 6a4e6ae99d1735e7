using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Cycler;

/// <summary>Finds the first event on a held-voltage path of a running step.</summary>
internal static class VoltageHoldLeg
{
    /// <summary>
    /// How far the held current must pass a current limit (or zero) before the phase changes. Near equilibrium
    /// the held current decays to ~0 and rounding alone would flip it back and forth across a limit of 0; the
    /// tolerance, far below the 0.1 mA register resolution, keeps the phase steady there.
    /// </summary>
    public const double CurrentToleranceA = 1e-6;

    /// <param name="path">The cell's path holding the setpoint.</param>
    /// <param name="spanS">How far ahead to look.</param>
    /// <param name="step">The running step.</param>
    /// <param name="timeLeftS">Time to the step's time cut-off (+infinity if none).</param>
    /// <param name="stepAh">Step charge so far.</param>
    public static EarliestEvent Find(in ConstantVoltagePath path, double spanS, in StepSettings step, double timeLeftS, double stepAh)
    {
        var first = new EarliestEvent(spanS);
        first.Offer(Math.Max(0, timeLeftS), LegEvent.Time);

        // Events on the current, which has at most one extremum.
        double i0 = path.CurrentAt(0);
        var current = SignalSamples.Take(path, i0, path.CurrentExtremumS, first.TimeS);
        first.Offer(FirstCrossing.Find(path, new Threshold(step.UpperCurrentA + CurrentToleranceA, Rising: true, Strict: true), current), LegEvent.ClampHigh);
        first.Offer(FirstCrossing.Find(path, new Threshold(step.LowerCurrentA - CurrentToleranceA, Rising: false, Strict: true), current), LegEvent.ClampLow);
        if (step.CutoffCurrentA > 0)
        {
            // A cut-off below the tolerance would be decided by rounding noise: it means "until the current is gone".
            double cutoff = Math.Max(step.CutoffCurrentA, CurrentToleranceA);
            double taper = Math.Abs(i0) <= cutoff ? 0
                : i0 > 0 ? FirstCrossing.Find(path, new Threshold(cutoff, Rising: false), current)
                : FirstCrossing.Find(path, new Threshold(-cutoff, Rising: true), current);
            first.Offer(taper, LegEvent.Current);
        }

        if (path.Direction == 0)
        {
            return first;
        }

        bool charging = path.Direction > 0;
        double reversed = charging ? -CurrentToleranceA : CurrentToleranceA;
        first.Offer(FirstCrossing.Find(path, new Threshold(reversed, Rising: !charging, Strict: true), current), LegEvent.CurrentReversal);

        // Up to here the current keeps its sign, so the charge moved is monotone.
        var chargeSignal = path.Charge;
        var charge = SignalSamples.Take(chargeSignal, 0, double.NaN, first.TimeS);
        first.Offer(FirstCrossing.Find(chargeSignal, new Threshold(path.ChargeAtSegmentExitAs, charging), charge), LegEvent.SegmentExit);
        if (charging)
        {
            first.Offer(FirstCrossing.Find(chargeSignal, new Threshold(path.ChargeAtSeiExhaustedAs, Rising: true), charge), LegEvent.SeiExhausted);
        }

        if (step.CutoffAh > 0)
        {
            double reached = Math.Abs(stepAh) >= step.CutoffAh ? 0
                : FirstCrossing.Find(chargeSignal, new Threshold(((charging ? step.CutoffAh : -step.CutoffAh) - stepAh) * 3600, charging), charge);
            first.Offer(reached, LegEvent.Capacity);
        }

        return first;
    }
}
