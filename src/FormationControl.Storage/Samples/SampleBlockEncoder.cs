namespace FormationControl.Storage;

/// <summary>Appends samples of one run and step to a growing payload in <see cref="SampleBlockFormat"/>.</summary>
internal sealed class SampleBlockEncoder
{
    private readonly long[] _previous = new long[SampleBlockFormat.FieldCount];
    private readonly long[] _previousDelta = new long[SampleBlockFormat.FieldCount];
    private byte[] _buffer = new byte[64];
    private int _length;

    /// <summary>Samples encoded so far.</summary>
    public int Count { get; private set; }

    /// <summary>Time of the first sample in Unix milliseconds; block times are relative to it.</summary>
    public long FirstTimeMs { get; private set; }

    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(0, _length);

    public void Append(in QuantisedSample sample)
    {
        if (Count == 0)
        {
            FirstTimeMs = sample.TimeMs;
            _buffer[_length++] = SampleBlockFormat.Version;
        }

        if (_buffer.Length - _length < SampleBlockFormat.MaxSampleBytes)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + SampleBlockFormat.MaxSampleBytes));
        }

        Span<long> fields = stackalloc long[SampleBlockFormat.FieldCount];
        SampleBlockFormat.Fields(sample, FirstTimeMs, fields);
        for (var i = 0; i < fields.Length; i++)
        {
            var delta = fields[i] - _previous[i];
            _previous[i] = fields[i];
            var stored = delta;
            if (SampleBlockFormat.IsSecondOrder(i))
            {
                stored = delta - _previousDelta[i];
                _previousDelta[i] = delta;
            }

            _length += ZigZagVarint.Write(_buffer.AsSpan(_length), stored);
        }

        Count++;
    }

    /// <summary>Forgets every sample, keeping the buffer for reuse.</summary>
    public void Reset()
    {
        Array.Clear(_previous);
        Array.Clear(_previousDelta);
        _length = 0;
        Count = 0;
        FirstTimeMs = 0;
    }
}
