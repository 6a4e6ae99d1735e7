using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Cycler;

/// <summary>Finds the first event on a path where the current follows the cell: a held voltage or a resistive load.</summary>
internal static class HeldLeg
{
    /// <summary>
    /// How far the held current must pass a current limit (or zero) before the phase changes. Near equilibrium
    /// the held current decays to ~0 and rounding alone would flip it back and forth across a limit of 0; the
    /// tolerance, far below the 0.1 mA register resolution, keeps the phase steady there.
    /// </summary>
    public const double CurrentToleranceA = 1e-6;

    /// <param name="path">The cell's path.</param>
    /// <param name="spanS">How far ahead to look.</param>
    /// <param name="step">The running step.</param>
    /// <param name="phase">Hold or Load.</param>
    /// <param name="timeLeftS">Time to the step's time cut-off (+infinity if none).</param>
    /// <param name="stepAh">Step charge so far.</param>
    /// <param name="limits">Hardware protection window.</param>
    public static EarliestEvent Find(in HeldVoltagePath path, double spanS, in StepSettings step, ChannelPhase phase, double timeLeftS, double stepAh, ProtectionLimits limits)
    {
        var first = new EarliestEvent(spanS);
        first.Offer(Math.Max(0, timeLeftS), LegEvent.Time);
        if (phase.HoldsVoltage)
        {
            // The held voltage itself is outside the window: it trips as soon as it is held.
            first.Offer(path.SourceV > limits.OverVoltageV ? 0 : double.PositiveInfinity, LegEvent.OverVoltage);
            first.Offer(path.SourceV < limits.UnderVoltageV ? 0 : double.PositiveInfinity, LegEvent.UnderVoltage);
        }

        // Events on the current, which has at most two extrema.
        double i0 = path.StartCurrent;
        path.CurrentExtrema(first.TimeS, out double e1, out double e2);
        var current = SignalSamples.Take(path, i0, e1, e2, first.TimeS, path.CurrentAt(first.TimeS));
        if (phase.HoldsVoltage)
        {
            first.Offer(FirstCrossing.Find(path, new Threshold(step.UpperCurrentA + CurrentToleranceA, Rising: true, Strict: true), current), LegEvent.ClampHigh);
            first.Offer(FirstCrossing.Find(path, new Threshold(step.LowerCurrentA - CurrentToleranceA, Rising: false, Strict: true), current), LegEvent.ClampLow);
        }

        first.Offer(FirstCrossing.Find(path, new Threshold(limits.OverCurrentA, Rising: true, Strict: true), current), LegEvent.OverCurrent);
        first.Offer(FirstCrossing.Find(path, new Threshold(-limits.OverCurrentA, Rising: false, Strict: true), current), LegEvent.OverCurrent);
        if (step.CutoffCurrentA > 0)
        {
            // A cut-off below the tolerance would be decided by rounding noise: it means "until the current is gone".
            double cutoff = Math.Max(step.CutoffCurrentA, CurrentToleranceA);
            double taper = Math.Abs(i0) <= cutoff ? 0
                : i0 > 0 ? FirstCrossing.Find(path, new Threshold(cutoff, Rising: false), current)
                : FirstCrossing.Find(path, new Threshold(-cutoff, Rising: true), current);
            first.Offer(taper, LegEvent.Current);
        }

        if (path.HasLoad)
        {
            // The load's terminal voltage is −I·R_load: falling voltage is the (negative) current rising towards 0.
            first.Offer(FirstCrossing.Find(path, new Threshold(path.CurrentForTerminalVoltage(limits.UnderVoltageV), Rising: true, Strict: true), current), LegEvent.UnderVoltage);
            if (step.HasVoltageCutoff)
            {
                first.Offer(FirstCrossing.Find(path, new Threshold(path.CurrentForTerminalVoltage(step.CutoffVoltageV), Rising: true), current), LegEvent.Voltage);
            }
        }

        if (path.Direction != 0)
        {
            bool charging = path.Direction > 0;
            double reversed = charging ? -CurrentToleranceA : CurrentToleranceA;
            first.Offer(FirstCrossing.Find(path, new Threshold(reversed, Rising: !charging, Strict: true), current), LegEvent.CurrentReversal);
        }

        // SOC may turn (the current can fall below the leakage), so both ends of the piece are watched.
        var socSignal = path.Soc;
        path.SocExtrema(first.TimeS, out double s1, out double s2);
        var soc = SignalSamples.Take(socSignal, path.SocAt(0), s1, s2, first.TimeS, path.SocAt(first.TimeS));
        first.Offer(FirstCrossing.Find(socSignal, new Threshold(path.UpperSoc, Rising: true, Strict: true), soc), LegEvent.SegmentExitUp);
        first.Offer(FirstCrossing.Find(socSignal, new Threshold(path.LowerSoc, Rising: false, Strict: true), soc), LegEvent.SegmentExitDown);

        if (path.Direction != 0)
        {
            // Up to here the current keeps its sign, so the charge moved is monotone.
            bool charging = path.Direction > 0;
            var chargeSignal = path.Charge;
            var charge = SignalSamples.Take(chargeSignal, 0, double.NaN, first.TimeS);
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
        }
        else if (step.CutoffAh > 0 && Math.Abs(stepAh) >= step.CutoffAh)
        {
            first.Offer(0, LegEvent.Capacity);
        }

        var temperature = path.Temperature;
        first.Offer(
            FirstCrossing.FindBetweenEnds(temperature, new Threshold(limits.OverTemperatureC, Rising: true, Strict: true), path.TemperatureAt(0), first.TimeS, path.TemperatureAt(first.TimeS)),
            LegEvent.OverTemperature);
        return first;
    }
}
