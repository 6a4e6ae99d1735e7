using System.Buffers.Binary;

namespace FormationControl.Modbus.Data;

/// <summary>Converts 32-bit integers and floats to and from two registers in any <see cref="WordOrder"/>.</summary>
public static class RegisterValues
{
    /// <summary>Writes <paramref name="value"/> into <paramref name="registers"/>[0..2].</summary>
    public static void WriteUInt32(uint value, Span<ushort> registers, WordOrder order)
    {
        ushort high = (ushort)(value >> 16), low = (ushort)value;
        if (order is WordOrder.BADC or WordOrder.DCBA)
        {
            high = BinaryPrimitives.ReverseEndianness(high);
            low = BinaryPrimitives.ReverseEndianness(low);
        }

        bool highFirst = order is WordOrder.ABCD or WordOrder.BADC;
        registers[0] = highFirst ? high : low;
        registers[1] = highFirst ? low : high;
    }

    /// <summary>Reads a 32-bit unsigned value from <paramref name="registers"/>[0..2].</summary>
    public static uint ReadUInt32(ReadOnlySpan<ushort> registers, WordOrder order)
    {
        bool highFirst = order is WordOrder.ABCD or WordOrder.BADC;
        ushort high = highFirst ? registers[0] : registers[1];
        ushort low = highFirst ? registers[1] : registers[0];
        if (order is WordOrder.BADC or WordOrder.DCBA)
        {
            high = BinaryPrimitives.ReverseEndianness(high);
            low = BinaryPrimitives.ReverseEndianness(low);
        }

        return ((uint)high << 16) | low;
    }

    public static void WriteInt32(int value, Span<ushort> registers, WordOrder order) =>
        WriteUInt32(unchecked((uint)value), registers, order);

    public static int ReadInt32(ReadOnlySpan<ushort> registers, WordOrder order) =>
        unchecked((int)ReadUInt32(registers, order));

    public static void WriteSingle(float value, Span<ushort> registers, WordOrder order) =>
        WriteUInt32(BitConverter.SingleToUInt32Bits(value), registers, order);

    public static float ReadSingle(ReadOnlySpan<ushort> registers, WordOrder order) =>
        BitConverter.UInt32BitsToSingle(ReadUInt32(registers, order));
}
