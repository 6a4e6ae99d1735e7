using System.Buffers;
using System.Buffers.Binary;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// Cuts a TCP byte stream into MBAP frames, across reads that split or join frames.
/// TCP has no frame delimiter, so after bytes that cannot start a frame (protocol id not 0, length
/// outside 2..254) the decoder drops one byte at a time until the buffer starts with a plausible
/// header again; <see cref="DiscardedBytes"/> counts what was dropped.
/// Use: write received bytes into <see cref="GetReceiveMemory"/>, call <see cref="Advance"/>, then
/// <see cref="TryReadFrame"/> until it returns false. Not thread-safe: one reader per connection.
/// </summary>
internal sealed class MbapFrameDecoder : IDisposable
{
    // Room for several pipelined frames, so a client that sends requests back to back is read in few calls.
    private const int BufferLength = 4 * MbapHeader.MaxFrameLength;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferLength);
    private int _start;
    private int _end;

    /// <summary>Bytes dropped because they could not be framed.</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Bytes received but not yet returned as a frame or discarded.</summary>
    public int BufferedBytes => _end - _start;

    /// <summary>Free space to receive into; invalidates the PDUs of frames returned before.</summary>
    public Memory<byte> GetReceiveMemory()
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_buffer.Length - _end < MbapHeader.MaxFrameLength)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        return _buffer.AsMemory(_end);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into the receive memory.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _end);
        _end += count;
    }

    /// <summary>Returns the next complete frame, or false when more bytes are needed.</summary>
    public bool TryReadFrame(out MbapFrame frame)
    {
        while (true)
        {
            ReadOnlySpan<byte> data = _buffer.AsSpan(_start, _end - _start);
            if (data.Length >= 4 && (data[2] != 0 || data[3] != 0))
            {
                Discard();
                continue;
            }

            if (data.Length < 6)
            {
                break;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
            if (length < MbapHeader.MinLengthField || length > MbapHeader.MaxLengthField)
            {
                Discard();
                continue;
            }

            int frameLength = 6 + length;
            if (data.Length < frameLength)
            {
                break;
            }

            frame = new MbapFrame(
                BinaryPrimitives.ReadUInt16BigEndian(data),
                data[6],
                _buffer.AsMemory(_start + MbapHeader.Length, frameLength - MbapHeader.Length));
            _start += frameLength;
            return true;
        }

        frame = default;
        return false;
    }

    public void Dispose()
    {
        if (_buffer.Length != 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Discard()
    {
        _start++;
        DiscardedBytes++;
    }
}
