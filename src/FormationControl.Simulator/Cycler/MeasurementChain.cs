namespace FormationControl.Simulator.Cycler;

/// <summary>
/// The converters of one unit's channels (<see cref="MeasurementOptions"/>): noise from a counter-based generator
/// (SplitMix64 of the seed, unit, channel, quantity and conversion number, so no state and no allocation), then
/// rounding to the converter's code.
/// </summary>
internal sealed class MeasurementChain
{
    private const double TemperatureLowC = -40, TemperatureSpanK = 165;

    private readonly bool _enabled;
    private readonly ulong _key;
    private readonly double _voltageSigma, _currentSigma, _temperatureSigma;
    private readonly double _voltageStep, _currentStep, _temperatureStep;
    private readonly double _voltageFullScale, _currentFullScale;
    private readonly double _conversionsPerSecond;

    public MeasurementChain(MeasurementOptions options, byte unitId)
    {
        options.Validate();
        _enabled = options.Enabled;
        _key = Mix((ulong)(uint)options.Seed ^ ((ulong)unitId << 32));
        _voltageFullScale = options.VoltageFullScaleV;
        _currentFullScale = options.CurrentFullScaleA;
        _voltageSigma = options.VoltageFullScaleV * options.AccuracyOfFullScale / 3;
        _currentSigma = options.CurrentFullScaleA * options.AccuracyOfFullScale / 3;
        _temperatureSigma = options.TemperatureNoiseK;
        double codes = Math.Pow(2, options.Bits) - 1;
        _voltageStep = options.VoltageFullScaleV / codes;
        _currentStep = 2 * options.CurrentFullScaleA / codes;
        _temperatureStep = TemperatureSpanK / codes;
        _conversionsPerSecond = 1 / options.ConversionPeriod.TotalSeconds;
    }

    public double Voltage(double trueV, int channel, double timeS) =>
        !_enabled ? trueV : Quantise(trueV + (_voltageSigma * Normal(channel, 1, timeS)), 0, _voltageFullScale, _voltageStep);

    public double Current(double trueA, int channel, double timeS) =>
        !_enabled ? trueA : Quantise(trueA + (_currentSigma * Normal(channel, 2, timeS)), -_currentFullScale, _currentFullScale, _currentStep);

    public double Temperature(double trueC, int channel, double timeS) =>
        !_enabled ? trueC : Quantise(trueC + (_temperatureSigma * Normal(channel, 3, timeS)), TemperatureLowC, TemperatureLowC + TemperatureSpanK, _temperatureStep);

    private static double Quantise(double value, double low, double high, double step) =>
        low + (Math.Round((Math.Clamp(value, low, high) - low) / step) * step);

    private double Normal(int channel, int quantity, double timeS)
    {
        ulong conversion = (ulong)(long)Math.Floor(timeS * _conversionsPerSecond);
        ulong bits = Mix(_key ^ Mix(((ulong)(uint)channel << 8) | (uint)quantity) ^ Mix(conversion + 0x632BE59BD9B4E019UL));
        ulong more = Mix(bits);

        // Box–Muller on two 53-bit uniforms; 1 − u keeps the logarithm finite.
        double u1 = 1 - ((bits >> 11) * (1.0 / (1UL << 53)));
        double u2 = (more >> 11) * (1.0 / (1UL << 53));
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    // SplitMix64's finaliser: a good 64-bit mix.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
