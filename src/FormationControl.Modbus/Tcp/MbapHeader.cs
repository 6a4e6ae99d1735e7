using System.Buffers.Binary;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// The 7-byte Modbus Application Protocol header that precedes every PDU on TCP:
/// transaction id, protocol id (always 0), length of what follows (unit id plus PDU), unit id.
/// </summary>
internal static class MbapHeader
{
    public const int Length = 7;

    /// <summary>Smallest valid length field: unit id plus a function code.</summary>
    public const int MinLengthField = 2;

    /// <summary>Largest valid length field: unit id plus a 253-byte PDU.</summary>
    public const int MaxLengthField = 1 + ModbusLimits.MaxPduLength;

    /// <summary>Header plus the largest PDU.</summary>
    public const int MaxFrameLength = Length + ModbusLimits.MaxPduLength;

    /// <summary>Writes the header for a PDU of <paramref name="pduLength"/> bytes into <paramref name="frame"/>[0..7].</summary>
    public static void Write(Span<byte> frame, ushort transactionId, byte unitId, int pduLength)
    {
        BinaryPrimitives.WriteUInt16BigEndian(frame, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(frame[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(frame[4..], (ushort)(pduLength + 1));
        frame[6] = unitId;
    }
}
