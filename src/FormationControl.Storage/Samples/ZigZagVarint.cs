namespace FormationControl.Storage;

/// <summary>
/// Signed integers as zig-zag LEB128 varints: small magnitudes of either sign take few bytes
/// (|v| &lt; 64 takes one byte), at most <see cref="MaxBytes"/>.
/// </summary>
internal static class ZigZagVarint
{
    public const int MaxBytes = 10;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, long value)
    {
        var bits = (ulong)((value << 1) ^ (value >> 63));
        var count = 0;
        while (bits >= 0x80)
        {
            destination[count++] = (byte)(bits | 0x80);
            bits >>= 7;
        }

        destination[count++] = (byte)bits;
        return count;
    }

    /// <summary>Reads one value at <paramref name="position"/> and moves past it; false if the bytes end or run too long.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, ref int position, out long value)
    {
        ulong bits = 0;
        for (var shift = 0; shift < 7 * MaxBytes && position < source.Length; shift += 7)
        {
            var current = source[position++];
            bits |= (ulong)(current & 0x7F) << shift;
            if (current < 0x80)
            {
                value = (long)(bits >> 1) ^ -(long)(bits & 1);
                return true;
            }
        }

        value = 0;
        return false;
    }
}
