namespace FormationControl.Simulator.Cycler;

/// <summary>
/// How a simulated channel's converters read voltage, current and temperature: Gaussian noise, then a 16-bit
/// converter over its full scale (primer §2: about ±0.02 % of full scale, 16-bit converters). The noise is a
/// deterministic function of the seed, the unit, the channel, the quantity and the conversion number (device time
/// divided by <see cref="ConversionPeriod"/>): two reads within one conversion see the same value, and a run repeats
/// exactly. Step time, Ah and Wh are the device's own exact counters and are not noisy.
/// </summary>
public sealed record MeasurementOptions
{
    /// <summary>No noise: values are only rounded to the register resolution (the library default, for exact tests).</summary>
    public static MeasurementOptions Exact { get; } = new() { Enabled = false };

    /// <summary>Noise and quantisation as on hardware (what <c>fc sim</c> uses).</summary>
    public static MeasurementOptions Realistic { get; } = new() { Enabled = true };

    /// <summary>Whether noise and converter quantisation apply.</summary>
    public bool Enabled { get; init; }

    /// <summary>Seed of the noise.</summary>
    public int Seed { get; init; }

    /// <summary>Voltage converter range, 0 to this.</summary>
    public double VoltageFullScaleV { get; init; } = 5.0;

    /// <summary>Current converter range, ± this.</summary>
    public double CurrentFullScaleA { get; init; } = 300;

    /// <summary>
    /// Accuracy band as a fraction of full scale; the noise's standard deviation is a third of it (so ±0.02 % of 5 V
    /// gives σ ≈ 0.33 mV).
    /// </summary>
    public double AccuracyOfFullScale { get; init; } = 0.0002;

    /// <summary>Standard deviation of the temperature noise, in kelvin.</summary>
    public double TemperatureNoiseK { get; init; } = 0.05;

    /// <summary>Converter resolution in bits.</summary>
    public int Bits { get; init; } = 16;

    /// <summary>One conversion per channel and quantity in this time.</summary>
    public TimeSpan ConversionPeriod { get; init; } = TimeSpan.FromMilliseconds(10);

    internal void Validate()
    {
        if (!(VoltageFullScaleV > 0) || !(CurrentFullScaleA > 0) || !(AccuracyOfFullScale >= 0) || !(TemperatureNoiseK >= 0)
            || !double.IsFinite(VoltageFullScaleV) || !double.IsFinite(CurrentFullScaleA) || !double.IsFinite(AccuracyOfFullScale) || !double.IsFinite(TemperatureNoiseK))
        {
            throw new ArgumentException($"Measurement options: full scales must be positive, noise zero or positive, all finite (got {VoltageFullScaleV} V, {CurrentFullScaleA} A, {AccuracyOfFullScale}, {TemperatureNoiseK} K).");
        }

        if (Bits is < 8 or > 24 || ConversionPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Measurement options: Bits must be 8 to 24 and ConversionPeriod positive (got {Bits}, {ConversionPeriod}).");
        }
    }
}
