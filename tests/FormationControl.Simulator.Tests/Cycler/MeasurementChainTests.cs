using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cycler;

public sealed class MeasurementChainTests
{
    private static readonly MeasurementOptions Noisy = MeasurementOptions.Realistic with { Seed = 11 };

    [Fact]
    public void Exact_measurements_pass_the_value_through()
    {
        var chain = new MeasurementChain(MeasurementOptions.Exact, 1);
        Assert.Equal(3.6789123, chain.Voltage(3.6789123, 5, 12.3));
        Assert.Equal(-12.345678, chain.Current(-12.345678, 5, 12.3));
    }

    [Fact]
    public void Noise_has_the_specified_spread_and_lands_on_converter_codes()
    {
        var chain = new MeasurementChain(Noisy, 1);
        double sigma = 5.0 * 0.0002 / 3, step = 5.0 / 65535;
        var readings = Enumerable.Range(0, 20_000).Select(i => chain.Voltage(3.7, 0, i * 0.01)).ToList();
        double mean = readings.Average();
        double sd = Math.Sqrt(readings.Sum(r => (r - mean) * (r - mean)) / (readings.Count - 1));
        Assert.InRange(mean, 3.7 - (4 * sigma / Math.Sqrt(readings.Count)) - (step / 2), 3.7 + (4 * sigma / Math.Sqrt(readings.Count)) + (step / 2));
        Assert.InRange(sd, sigma * 0.95, sigma * 1.15);
        Assert.All(readings, r => Assert.Equal(0, Math.Abs((r / step) - Math.Round(r / step)), 6));

        // ±0.02 % of full scale holds for nearly all readings (3σ).
        Assert.True(readings.Count(r => Math.Abs(r - 3.7) > 0.001 + step) < readings.Count * 0.005);
    }

    [Fact]
    public void Noise_is_fixed_within_a_conversion_and_repeats_from_the_seed()
    {
        var chain = new MeasurementChain(Noisy, 1);
        Assert.Equal(chain.Voltage(3.7, 3, 100.001), chain.Voltage(3.7, 3, 100.009));
        var samples = Enumerable.Range(0, 50).Select(i => chain.Current(10, 3, 100 + (i * 0.01))).ToList();
        Assert.True(samples.Distinct().Count() > 10, "a new conversion brings new noise");
        Assert.Equal(samples, Enumerable.Range(0, 50).Select(i => new MeasurementChain(Noisy, 1).Current(10, 3, 100 + (i * 0.01))));
        Assert.NotEqual(samples, Enumerable.Range(0, 50).Select(i => chain.Current(10, 4, 100 + (i * 0.01))));
        Assert.NotEqual(samples, Enumerable.Range(0, 50).Select(i => new MeasurementChain(Noisy with { Seed = 12 }, 1).Current(10, 3, 100 + (i * 0.01))));
    }

    [Fact]
    public void Converters_saturate_at_their_full_scale()
    {
        var chain = new MeasurementChain(Noisy, 1);
        Assert.Equal(5.0, chain.Voltage(7, 0, 0), 9);
        Assert.Equal(-300, chain.Current(-1000, 0, 0), 9);
    }

    [Fact]
    public void A_noisy_unit_shows_noise_in_voltage_current_and_temperature_but_not_in_its_counters()
    {
        var options = SimulatedUnitOptions.Default with { Measurement = Noisy };
        var bench = new Bench(options, Bench.Cell(0.5));
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 50, cutoffTimeS: 3600);
        var voltages = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            bench.Advance(0.5);
            var s = bench.Master.Read(0);
            var exact = bench.Unit.ReadChannelState(0);
            voltages.Add(s.VoltageV - exact.VoltageV);
            Assert.Equal(exact.StepTimeS, s.StepTimeS, 0.005);
            Assert.Equal(exact.StepAh, s.StepAh, 0.000005);
            Assert.InRange(s.CurrentA, 50 - 0.1, 50 + 0.1);
            Assert.InRange(s.TemperatureC, exact.TemperatureC - 0.3, exact.TemperatureC + 0.3);
        }

        double sd = Math.Sqrt(voltages.Sum(v => v * v) / voltages.Count);
        Assert.InRange(sd, 0.0002, 0.0005);
    }
}
