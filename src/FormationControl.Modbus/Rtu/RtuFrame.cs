using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Rtu;

/// <summary>
/// A Modbus RTU frame (ADU): unit id, PDU, CRC-16/MODBUS low byte first. The serial line has no other
/// delimiter, so a receiver finds frames by their expected length and their CRC.
/// </summary>
internal static class RtuFrame
{
    /// <summary>Unit id, the largest PDU and the CRC.</summary>
    public const int MaxLength = 1 + ModbusLimits.MaxPduLength + 2;

    /// <summary>Smallest frame: unit id, function code, CRC.</summary>
    public const int MinLength = 4;

    /// <summary>The unit id that addresses every slave; a slave never answers it.</summary>
    public const byte BroadcastUnitId = 0;

    /// <summary>Writes unit id, <paramref name="pdu"/> and the CRC into <paramref name="frame"/>; returns the frame length.</summary>
    public static int Write(Span<byte> frame, byte unitId, ReadOnlySpan<byte> pdu)
    {
        frame[0] = unitId;
        pdu.CopyTo(frame[1..]);
        int length = 1 + pdu.Length;
        ushort crc = ModbusCrc.Compute(frame[..length]);
        frame[length] = (byte)crc;
        frame[length + 1] = (byte)(crc >> 8);
        return length + 2;
    }

    /// <summary>Writes the CRC over the <paramref name="length"/> bytes already in <paramref name="frame"/> (unit id and PDU); returns the frame length.</summary>
    public static int AppendCrc(Span<byte> frame, int length)
    {
        ushort crc = ModbusCrc.Compute(frame[..length]);
        frame[length] = (byte)crc;
        frame[length + 1] = (byte)(crc >> 8);
        return length + 2;
    }
}
