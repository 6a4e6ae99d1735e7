namespace FormationControl.Modbus.Protocol;

/// <summary>Packs bits eight to a byte, first bit in the least significant position (§6.1, §6.11).</summary>
internal static class BitPacking
{
    public static int ByteCount(int bitCount) => (bitCount + 7) >> 3;

    /// <summary>Writes <paramref name="bits"/> into the first <see cref="ByteCount"/> bytes of <paramref name="bytes"/>; unused high bits are zero.</summary>
    public static void Pack(ReadOnlySpan<bool> bits, Span<byte> bytes)
    {
        int byteCount = ByteCount(bits.Length);
        bytes[..byteCount].Clear();
        for (int i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                bytes[i >> 3] |= (byte)(1 << (i & 7));
            }
        }
    }

    /// <summary>Fills <paramref name="bits"/> from the packed <paramref name="bytes"/>.</summary>
    public static void Unpack(ReadOnlySpan<byte> bytes, Span<bool> bits)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = (bytes[i >> 3] & (1 << (i & 7))) != 0;
        }
    }
}
