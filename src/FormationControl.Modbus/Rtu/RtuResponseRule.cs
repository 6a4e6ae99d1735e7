using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Rtu;

/// <summary>
/// The response a master waits for: from <see cref="UnitId"/>, carrying <see cref="Function"/> (or its exception
/// form, 5 bytes), and for reads exactly the byte count asked for. A stale answer to an earlier request of
/// another shape fails these checks or its CRC at this length and is hunted past, byte by byte.
/// </summary>
internal readonly struct RtuResponseRule(byte unitId, ModbusFunctionCode function, int expectedByteCount) : IRtuFrameRule
{
    /// <summary>An exception response: unit, function | 0x80, code, CRC.</summary>
    public const int ExceptionLength = 5;

    /// <summary>A write echo: unit, function, address, value or quantity, CRC.</summary>
    public const int EchoLength = 8;

    public byte UnitId { get; } = unitId;

    /// <summary>An answer always has the length this rule expects; nothing is decided by silence.</summary>
    public bool FramesAtSilence => false;

    public ModbusFunctionCode Function { get; } = function;

    /// <summary>Data bytes a read response carries, or -1 for a write (answered with an 8-byte echo).</summary>
    public int ExpectedByteCount { get; } = expectedByteCount;

    /// <summary>The rule for the response to <paramref name="requestPdu"/>.</summary>
    public static RtuResponseRule For(byte unitId, ReadOnlySpan<byte> requestPdu)
    {
        var function = (ModbusFunctionCode)requestPdu[0];
        int byteCount = function switch
        {
            ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs => (Quantity(requestPdu, 3) + 7) / 8,
            ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters
                or ModbusFunctionCode.ReadWriteMultipleRegisters => Quantity(requestPdu, 3) * 2,
            _ => -1,
        };
        return new RtuResponseRule(unitId, function, byteCount);
    }

    public int FrameLength(ReadOnlySpan<byte> candidate)
    {
        if (candidate[0] != UnitId)
        {
            return RtuFrameLength.NotAFrame;
        }

        if (candidate.Length < 2)
        {
            return RtuFrameLength.NeedMoreBytes;
        }

        if (candidate[1] == ((byte)Function | 0x80))
        {
            return ExceptionLength;
        }

        if (candidate[1] != (byte)Function)
        {
            return RtuFrameLength.NotAFrame;
        }

        if (ExpectedByteCount < 0)
        {
            return EchoLength;
        }

        if (candidate.Length < 3)
        {
            return RtuFrameLength.NeedMoreBytes;
        }

        return candidate[2] == ExpectedByteCount ? 5 + ExpectedByteCount : RtuFrameLength.NotAFrame;
    }

    private static int Quantity(ReadOnlySpan<byte> pdu, int offset) => (pdu[offset] << 8) | pdu[offset + 1];
}
