using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Rtu;

/// <summary>
/// Finds RTU frames in the bytes received from a serial line, however the reads split or join them.
/// At each position the <see cref="IRtuFrameRule"/> says how long a frame starting there would be; a complete
/// candidate whose CRC holds is a frame, and any bytes before it are dropped (garbage, line noise, or the tail
/// of a frame that was cut). A candidate that is not complete yet holds its bytes, but later positions are still
/// searched, so a false start in garbage never hides a valid frame behind it. Not thread-safe.
/// </summary>
internal sealed class RtuFrameScanner
{
    // Four frames' worth: a candidate is decided once MaxLength bytes follow it, so compaction always makes room.
    private const int Capacity = 4 * RtuFrame.MaxLength;

    private readonly byte[] _buffer = new byte[Capacity];
    private int _start;
    private int _end;

    /// <summary>Bytes dropped because no frame could be made of them.</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Bytes received and not yet returned in a frame or dropped.</summary>
    public int BufferedBytes => _end - _start;

    /// <summary>Adds received bytes.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            MakeRoom();
            int count = Math.Min(bytes.Length, Capacity - _end);
            bytes[..count].CopyTo(_buffer.AsSpan(_end));
            _end += count;
            bytes = bytes[count..];
        }
    }

    /// <summary>
    /// Copies the first complete frame with a valid CRC into <paramref name="destination"/> (at least
    /// <see cref="RtuFrame.MaxLength"/> bytes) and returns true; returns false when none is complete yet.
    /// </summary>
    public bool TryReadFrame<TRule>(TRule rule, Span<byte> destination, out int length)
        where TRule : struct, IRtuFrameRule
    {
        int firstPending = -1;
        for (int position = _start; position < _end; position++)
        {
            ReadOnlySpan<byte> candidate = _buffer.AsSpan(position, _end - position);
            int frameLength = rule.FrameLength(candidate);
            if (frameLength == RtuFrameLength.NotAFrame)
            {
                continue;
            }

            if (frameLength == RtuFrameLength.NeedMoreBytes || frameLength > candidate.Length)
            {
                if (firstPending < 0)
                {
                    firstPending = position;
                }

                continue;
            }

            if (frameLength >= RtuFrame.MinLength && frameLength <= RtuFrame.MaxLength
                && ModbusCrc.IsValidFrame(candidate[..frameLength]))
            {
                Drop(position - _start);
                candidate[..frameLength].CopyTo(destination);
                _start += frameLength;
                length = frameLength;
                return true;
            }
        }

        // Nothing complete: bytes before the first open candidate can never be part of a frame, unless a frame may
        // end at the next silence, which keeps the last MaxLength bytes.
        int keepFrom = rule.FramesAtSilence ? Math.Max(_start, _end - RtuFrame.MaxLength) : firstPending < 0 ? _end : firstPending;
        Drop(keepFrom - _start);
        length = 0;
        return false;
    }

    /// <summary>
    /// Called when the line has gone silent: if the bytes buffered end in a frame with a valid CRC (a function whose
    /// length no rule knows, or a request of the wrong length), the longest such frame is copied out and true
    /// returned; what came before it is dropped as garbage. Either way the buffer is empty afterwards.
    /// </summary>
    public bool TryTakeSilentFrame(Span<byte> destination, out int length)
    {
        for (int position = Math.Max(_start, _end - RtuFrame.MaxLength); position <= _end - RtuFrame.MinLength; position++)
        {
            ReadOnlySpan<byte> rest = _buffer.AsSpan(position, _end - position);
            if (ModbusCrc.IsValidFrame(rest))
            {
                Drop(position - _start);
                rest.CopyTo(destination);
                length = rest.Length;
                _start = _end = 0;
                return true;
            }
        }

        Clear();
        length = 0;
        return false;
    }

    /// <summary>Drops everything buffered (stale bytes before a new request).</summary>
    public void Clear() => Drop(_end - _start);

    private void Drop(int count)
    {
        _start += count;
        DiscardedBytes += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    private void MakeRoom()
    {
        if (_end < Capacity)
        {
            return;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
            return;
        }

        // Full of bytes that are still undecided (only possible with a rule that waits for silence):
        // the oldest half cannot matter any more.
        Drop(Capacity / 2);
        MakeRoom();
    }
}
