namespace FormationControl.Storage;

/// <summary>
/// Layout of a sample block's payload. Byte 0 is <see cref="Version"/>; then, per sample, one
/// zig-zag varint per field in the order time (ms since the block's first sample), step time (ms),
/// voltage, current, temperature, step Ah, step Wh, each in units of <see cref="SampleResolution"/>.
/// Each field is stored as a difference from the previous sample (first order) or as the change of
/// that difference (second order), both starting from zero.
/// </summary>
internal static class SampleBlockFormat
{
    public const byte Version = 1;
    public const int FieldCount = 7;
    public const int MaxSampleBytes = FieldCount * ZigZagVarint.MaxBytes;

    // Clocks and the step's running Ah/Wh grow at a nearly steady rate, so their second difference is
    // about zero; measured V, I and T wander, so their first difference is the smaller one.
    public static bool IsSecondOrder(int field) => field is 0 or 1 or 5 or 6;

    public static void Fields(in QuantisedSample sample, long firstTimeMs, Span<long> fields)
    {
        fields[0] = sample.TimeMs - firstTimeMs;
        fields[1] = sample.StepTimeMs;
        fields[2] = sample.Voltage;
        fields[3] = sample.Current;
        fields[4] = sample.Temperature;
        fields[5] = sample.StepAh;
        fields[6] = sample.StepWh;
    }

    public static QuantisedSample Sample(long runId, int stepIndex, long firstTimeMs, ReadOnlySpan<long> fields) =>
        new(runId, stepIndex, firstTimeMs + fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
}
