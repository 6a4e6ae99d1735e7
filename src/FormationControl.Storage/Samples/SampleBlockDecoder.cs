namespace FormationControl.Storage;

/// <summary>Turns a payload written by <see cref="SampleBlockEncoder"/> back into samples.</summary>
internal static class SampleBlockDecoder
{
    /// <exception cref="InvalidDataException">The payload does not hold exactly <paramref name="count"/> samples of a known format.</exception>
    public static void Decode(
        long runId, int stepIndex, long firstTimeMs, int count, ReadOnlySpan<byte> payload, ICollection<QuantisedSample> into)
    {
        if (count <= 0)
        {
            throw new InvalidDataException($"a sample block must hold at least one sample, this one says {count}");
        }

        if (payload.IsEmpty || payload[0] != SampleBlockFormat.Version)
        {
            var found = payload.IsEmpty ? "an empty payload" : $"format {payload[0]}";
            throw new InvalidDataException($"sample block format {SampleBlockFormat.Version} expected, found {found}");
        }

        Span<long> fields = stackalloc long[SampleBlockFormat.FieldCount];
        Span<long> previousDelta = stackalloc long[SampleBlockFormat.FieldCount];
        fields.Clear();
        previousDelta.Clear();
        var position = 1;
        for (var n = 0; n < count; n++)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                if (!ZigZagVarint.TryRead(payload, ref position, out var stored))
                {
                    throw new InvalidDataException($"sample block ends inside sample {n} of {count} (field {i}, byte {position})");
                }

                var delta = stored;
                if (SampleBlockFormat.IsSecondOrder(i))
                {
                    delta = previousDelta[i] + stored;
                    previousDelta[i] = delta;
                }

                fields[i] += delta;
            }

            into.Add(SampleBlockFormat.Sample(runId, stepIndex, firstTimeMs, fields));
        }

        if (position != payload.Length)
        {
            throw new InvalidDataException($"sample block has {payload.Length - position} bytes after its {count} samples");
        }
    }
}
