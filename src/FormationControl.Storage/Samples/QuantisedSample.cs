namespace FormationControl.Storage;

/// <summary>A sample as integers in units of <see cref="SampleResolution"/>; what the encoder works on.</summary>
internal readonly record struct QuantisedSample(
    long RunId,
    int StepIndex,
    long TimeMs,
    long StepTimeMs,
    long Voltage,
    long Current,
    long Temperature,
    long StepAh,
    long StepWh)
{
    // Reciprocals of SampleResolution; powers of ten are exact doubles, so dividing by them is exact to one rounding.
    internal const double StepTimeScale = 1e3;
    internal const double VoltageScale = 1e4;
    internal const double CurrentScale = 1e4;
    internal const double TemperatureScale = 1e1;
    internal const double StepAhScale = 1e5;
    internal const double StepWhScale = 1e4;

    /// <summary>Quantises a sample, rejecting values that are not finite or too large to store.</summary>
    public static QuantisedSample From(in SampleRecord sample) => new(
        sample.RunId,
        sample.StepIndex,
        ToUnixMilliseconds(sample.Time),
        Quantise(sample, sample.StepTimeS, StepTimeScale, nameof(SampleRecord.StepTimeS)),
        Quantise(sample, sample.VoltageV, VoltageScale, nameof(SampleRecord.VoltageV)),
        Quantise(sample, sample.CurrentA, CurrentScale, nameof(SampleRecord.CurrentA)),
        Quantise(sample, sample.TemperatureC, TemperatureScale, nameof(SampleRecord.TemperatureC)),
        Quantise(sample, sample.StepAh, StepAhScale, nameof(SampleRecord.StepAh)),
        Quantise(sample, sample.StepWh, StepWhScale, nameof(SampleRecord.StepWh)));

    public SampleRecord ToRecord() => new(
        RunId,
        StepIndex,
        DateTimeOffset.UnixEpoch.AddTicks(TimeMs * TimeSpan.TicksPerMillisecond),
        StepTimeMs / StepTimeScale,
        Voltage / VoltageScale,
        Current / CurrentScale,
        Temperature / TemperatureScale,
        StepAh / StepAhScale,
        StepWh / StepWhScale);

    private static long ToUnixMilliseconds(DateTimeOffset time)
    {
        // Round to the nearest millisecond; floor division keeps times before 1970 right too.
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + (TimeSpan.TicksPerMillisecond / 2);
        var milliseconds = Math.DivRem(ticks, TimeSpan.TicksPerMillisecond, out var remainder);
        return remainder < 0 ? milliseconds - 1 : milliseconds;
    }

    private static long Quantise(in SampleRecord sample, double value, double scale, string field)
    {
        var steps = Math.Round(value * scale, MidpointRounding.AwayFromZero);
        if (double.IsFinite(steps) && Math.Abs(steps) <= SampleResolution.MaxSteps)
        {
            return (long)steps;
        }

        var problem = double.IsFinite(value)
            ? $"is beyond the storable range of ±{SampleResolution.MaxSteps / scale:G4}"
            : "is not a finite number";
        throw new ArgumentOutOfRangeException(
            nameof(sample),
            value,
            $"Sample of run {sample.RunId}, step {sample.StepIndex} at {sample.Time:O}: {field} = {value} {problem}.");
    }
}
