using CsCheck;
using Xunit.Abstractions;

namespace FormationControl.Storage.Tests;

public class SampleBlockEncoderTests(ITestOutputHelper output)
{
    // One generated sample: poll jitter (ms), voltage step (V), current step (A), temperature step (°C),
    // and whether the current jumps to a new setpoint (a step change or a CV taper kink).
    private static readonly Gen<(int JitterMs, double DeltaV, double DeltaA, double DeltaC, bool Jump)> SampleSteps =
        Gen.Select(Gen.Int[-80, 80], Gen.Double[-0.004, 0.004], Gen.Double[-0.05, 0.05], Gen.Double[-0.2, 0.2], Gen.Int[0, 40].Select(n => n == 0));

    // A plausible logged series: start anywhere in 1970-2100, period 100 ms to 60 s, V 2.5-4.3 V,
    // I within ±300 A, T -20-80 °C, Ah and Wh integrating from zero.
    private static readonly Gen<List<SampleRecord>> Series =
        Gen.Select(
            Gen.Long[0, 4_102_444_800_000],
            Gen.Int[100, 60_000],
            Gen.Double[2.5, 4.3],
            Gen.Double[-300, 300],
            Gen.Double[-20, 80],
            SampleSteps.Array[1, 300])
        .Select((startMs, periodMs, volts, amps, celsius, steps) =>
        {
            var samples = new List<SampleRecord>(steps.Length);
            double stepTime = 0, ah = 0, wh = 0;
            for (var i = 0; i < steps.Length; i++)
            {
                var (jitterMs, deltaV, deltaA, deltaC, jump) = steps[i];
                volts = Math.Clamp(volts + deltaV, 2.0, 4.5);
                amps = jump ? amps * -0.5 : Math.Clamp(amps + deltaA, -300, 300);
                celsius = Math.Clamp(celsius + deltaC, -20, 80);
                stepTime += periodMs / 1000.0;
                ah += amps * periodMs / 3.6e6;
                wh += volts * amps * periodMs / 3.6e6;
                var time = DateTimeOffset.FromUnixTimeMilliseconds(startMs + ((long)i * periodMs) + jitterMs).AddTicks(jitterMs * 37);
                samples.Add(new SampleRecord(11, 2, time, stepTime, volts, amps, celsius, ah, wh));
            }

            return samples;
        });

    [Fact]
    public void PlausibleSeriesRoundTripWithinResolution() =>
        Series.Sample(series =>
        {
            var encoder = new SampleBlockEncoder();
            foreach (var sample in series)
            {
                encoder.Append(QuantisedSample.From(sample));
            }

            var quantised = new List<QuantisedSample>();
            SampleBlockDecoder.Decode(11, 2, encoder.FirstTimeMs, encoder.Count, encoder.Payload, quantised);
            var decoded = quantised.Select(sample => sample.ToRecord()).ToList();

            Assert.Equal(series.Count, decoded.Count);
            for (var i = 0; i < series.Count; i++)
            {
                Tolerance.AssertWithinResolution(series[i], decoded[i]);

                // Losslessly at the integer level: quantising what came back gives what was encoded.
                Assert.Equal(QuantisedSample.From(series[i]), QuantisedSample.From(decoded[i]));
            }
        }, iter: 300);

    [Fact]
    public void RealisticFormationSeriesTakesFewBytesPerSample()
    {
        var series = FormationSeries.TenHours(1, seed: 20250314, TestRecords.Start);
        var encoder = new SampleBlockEncoder();
        foreach (var sample in series)
        {
            encoder.Append(QuantisedSample.From(sample));
        }

        var bytesPerSample = (double)encoder.Payload.Length / encoder.Count;
        output.WriteLine($"payload: {encoder.Payload.Length} bytes for {encoder.Count} samples = {bytesPerSample:F2} bytes/sample");

        Assert.Equal(1200, encoder.Count);
        Assert.True(bytesPerSample < 16, $"{bytesPerSample:F2} bytes per sample of payload");
    }

    [Fact]
    public void ResetEncoderWritesWhatAFreshOneWrites()
    {
        var used = new SampleBlockEncoder();
        used.Append(QuantisedSample.From(TestRecords.Sample(1, 0, 5)));
        used.Reset();
        var fresh = new SampleBlockEncoder();

        foreach (var n in Enumerable.Range(10, 20))
        {
            used.Append(QuantisedSample.From(TestRecords.Sample(1, 0, n)));
            fresh.Append(QuantisedSample.From(TestRecords.Sample(1, 0, n)));
        }

        Assert.Equal(fresh.Payload.ToArray(), used.Payload.ToArray());
        Assert.Equal(fresh.FirstTimeMs, used.FirstTimeMs);
        Assert.Equal(20, used.Count);
    }

    [Fact]
    public void SteadySamplesTakeOneBytePerField()
    {
        // Constant voltage, current and temperature; clocks and Ah/Wh rising at a constant rate.
        static QuantisedSample Steady(int n) =>
            new(1, 0, 1_000_000 + (n * 30_000L), n * 30_000L, 37_000, 50_000, 250, n * 4_167L, n * 15_400L);
        var encoder = new SampleBlockEncoder();
        encoder.Append(Steady(0));
        encoder.Append(Steady(1));
        var afterTwo = encoder.Payload.Length;

        for (var n = 2; n < 100; n++)
        {
            encoder.Append(Steady(n));
        }

        // From the third sample on every stored difference is zero: one byte per field.
        Assert.Equal(afterTwo + (98 * SampleBlockFormat.FieldCount), encoder.Payload.Length);
    }
}
