using System.Buffers.Binary;

namespace FormationControl.Modbus.Protocol;

/// <summary>
/// Encodes request PDUs (master side). Each method writes into <c>pdu</c> and returns the PDU length.
/// Quantities are checked by the caller against <see cref="ModbusLimits"/> before encoding.
/// </summary>
internal static class ModbusRequestWriter
{
    /// <summary>Functions 1 to 4: address and quantity.</summary>
    public static int WriteRead(Span<byte> pdu, ModbusFunctionCode function, ushort address, ushort quantity)
    {
        pdu[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], quantity);
        return 5;
    }

    /// <summary>Function 5: ON is 0xFF00, OFF is 0x0000.</summary>
    public static int WriteSingleCoil(Span<byte> pdu, ushort address, bool value)
    {
        pdu[0] = (byte)ModbusFunctionCode.WriteSingleCoil;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], value ? (ushort)0xFF00 : (ushort)0x0000);
        return 5;
    }

    /// <summary>Function 6.</summary>
    public static int WriteSingleRegister(Span<byte> pdu, ushort address, ushort value)
    {
        pdu[0] = (byte)ModbusFunctionCode.WriteSingleRegister;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], value);
        return 5;
    }

    /// <summary>Function 15.</summary>
    public static int WriteMultipleCoils(Span<byte> pdu, ushort address, ReadOnlySpan<bool> values)
    {
        int byteCount = BitPacking.ByteCount(values.Length);
        pdu[0] = (byte)ModbusFunctionCode.WriteMultipleCoils;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], (ushort)values.Length);
        pdu[5] = (byte)byteCount;
        BitPacking.Pack(values, pdu[6..]);
        return 6 + byteCount;
    }

    /// <summary>Function 16.</summary>
    public static int WriteMultipleRegisters(Span<byte> pdu, ushort address, ReadOnlySpan<ushort> values)
    {
        pdu[0] = (byte)ModbusFunctionCode.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], (ushort)values.Length);
        pdu[5] = (byte)(values.Length * 2);
        RegisterPacking.Pack(values, pdu[6..]);
        return 6 + (values.Length * 2);
    }

    /// <summary>Function 23: the slave writes first, then reads.</summary>
    public static int WriteReadWriteMultiple(
        Span<byte> pdu, ushort readAddress, ushort readQuantity, ushort writeAddress, ReadOnlySpan<ushort> values)
    {
        pdu[0] = (byte)ModbusFunctionCode.ReadWriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], readAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], readQuantity);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[5..], writeAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[7..], (ushort)values.Length);
        pdu[9] = (byte)(values.Length * 2);
        RegisterPacking.Pack(values, pdu[10..]);
        return 10 + (values.Length * 2);
    }
}
