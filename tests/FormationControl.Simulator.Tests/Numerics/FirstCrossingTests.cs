using CsCheck;
using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Tests.Numerics;

public sealed class FirstCrossingTests
{
    [Fact]
    public void Finds_the_first_crossing_of_a_line_plus_an_exponential()
    {
        Gen.Select(Gen.Double[-1, 1], Gen.Double[-0.01, 0.01], Gen.Double[-2, 2], Gen.Double[1, 100]).Select(Gen.Double[-1, 1], Gen.Bool)
            .Sample((p, level, rising) =>
            {
                var signal = new LineAndExponential(p.Item1, p.Item2, p.Item3, p.Item4);
                const double h = 500;
                var samples = SignalSamples.Take(signal, signal.ValueAt(0), signal.ExtremumS, h);
                var threshold = new Threshold(level, rising);
                double found = FirstCrossing.Find(signal, threshold, samples);
                double scanned = FirstByScan(signal, threshold, h, 0.001);
                if (double.IsPositiveInfinity(found))
                {
                    return double.IsPositiveInfinity(scanned);
                }

                // Triggered where found, within the tolerance of the true crossing, which the scan brackets.
                return threshold.IsTriggeredBy(signal.ValueAt(found))
                    && (found == 0 || !threshold.IsTriggeredBy(signal.ValueAt(found - (2 * FirstCrossing.ToleranceS))))
                    && found <= scanned + 1e-9 && found > scanned - 0.001 - 1e-9;
            });
    }

    [Fact]
    public void A_threshold_met_at_the_start_triggers_at_zero_and_a_strict_one_does_not()
    {
        var signal = new LineAndExponential(1, -0.01, 0, 1);
        var samples = SignalSamples.Take(signal, 1, double.NaN, 10);
        Assert.Equal(0, FirstCrossing.Find(signal, new Threshold(1, Rising: false), samples));
        Assert.Equal(0, FirstCrossing.Find(signal, new Threshold(1, Rising: true), samples));
        Assert.Equal(double.PositiveInfinity, FirstCrossing.Find(signal, new Threshold(1, Rising: true, Strict: true), samples));
        Assert.Equal(5, FirstCrossing.Find(signal, new Threshold(0.95, Rising: false), samples), 6);
    }

    [Fact]
    public void A_crossing_hidden_between_the_ends_is_found_through_the_extremum()
    {
        // Rises from 0 to a maximum and falls back below 0 by the end: the ends alone would miss it.
        var signal = new LineAndExponential(1, -0.01, -1, 10);
        double extremum = signal.ExtremumS;
        var samples = SignalSamples.Take(signal, 0, extremum, 200);
        Assert.True(samples.AtEnd < 0.5 && samples.AtFirstExtremum > 0.5);
        double t = FirstCrossing.Find(signal, new Threshold(0.5, Rising: true), samples);
        Assert.Equal(FirstByScan(signal, new Threshold(0.5, true), 200, 1e-4), t, 3);
    }

    private static double FirstByScan<TSignal>(TSignal signal, Threshold threshold, double h, double step)
        where TSignal : struct, ISignal
    {
        for (double t = 0; t <= h; t += step)
        {
            if (threshold.IsTriggeredBy(signal.ValueAt(t)))
            {
                return t;
            }
        }

        return threshold.IsTriggeredBy(signal.ValueAt(h)) ? h : double.PositiveInfinity;
    }

    /// <summary>a + b·t + c·e^(−t/τ), the shape of a constant-current voltage.</summary>
    private readonly record struct LineAndExponential(double A, double B, double C, double Tau) : ISignal
    {
        public double ValueAt(double timeS) => A + (B * timeS) + (C * Math.Exp(-timeS / Tau));

        public double ExtremumS
        {
            get
            {
                double ratio = B * Tau / C;
                return ratio > 0 && ratio < 1 ? -Tau * Math.Log(ratio) : double.NaN;
            }
        }
    }
}
