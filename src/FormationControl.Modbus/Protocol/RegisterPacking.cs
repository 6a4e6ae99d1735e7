using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FormationControl.Modbus.Protocol;

/// <summary>Copies registers to and from their big-endian wire form (vectorised on little-endian machines).</summary>
internal static class RegisterPacking
{
    public static void Pack(ReadOnlySpan<ushort> registers, Span<byte> bytes)
    {
        Span<ushort> wire = MemoryMarshal.Cast<byte, ushort>(bytes[..(registers.Length * 2)]);
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(registers, wire);
        }
        else
        {
            registers.CopyTo(wire);
        }
    }

    public static void Unpack(ReadOnlySpan<byte> bytes, Span<ushort> registers)
    {
        ReadOnlySpan<ushort> wire = MemoryMarshal.Cast<byte, ushort>(bytes[..(registers.Length * 2)]);
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(wire, registers);
        }
        else
        {
            wire.CopyTo(registers);
        }
    }
}
