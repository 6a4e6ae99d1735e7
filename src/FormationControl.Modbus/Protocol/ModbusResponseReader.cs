namespace FormationControl.Modbus.Protocol;

/// <summary>
/// Decodes response PDUs (master side). An exception response throws <see cref="ModbusException"/>;
/// anything that does not fit the request throws <see cref="ModbusProtocolException"/>.
/// </summary>
internal static class ModbusResponseReader
{
    /// <summary>Functions 1 and 2: byte count, then packed bits.</summary>
    public static void ReadBits(ReadOnlySpan<byte> pdu, ModbusFunctionCode function, Span<bool> destination)
    {
        CheckFunction(pdu, function);
        int byteCount = BitPacking.ByteCount(destination.Length);
        CheckByteCount(pdu, function, byteCount);
        BitPacking.Unpack(pdu.Slice(2, byteCount), destination);
    }

    /// <summary>Functions 3, 4 and 23: byte count, then big-endian registers.</summary>
    public static void ReadRegisters(ReadOnlySpan<byte> pdu, ModbusFunctionCode function, Span<ushort> destination)
    {
        CheckFunction(pdu, function);
        int byteCount = destination.Length * 2;
        CheckByteCount(pdu, function, byteCount);
        RegisterPacking.Unpack(pdu.Slice(2, byteCount), destination);
    }

    /// <summary>
    /// Functions 5, 6, 15 and 16: the response repeats the first five bytes of the request
    /// (function, address, and the value or the quantity).
    /// </summary>
    public static void CheckWriteEcho(ReadOnlySpan<byte> pdu, ReadOnlySpan<byte> request)
    {
        var function = (ModbusFunctionCode)request[0];
        CheckFunction(pdu, function);
        if (!pdu.SequenceEqual(request[..5]))
        {
            throw new ModbusProtocolException(
                $"Response to function {(byte)function} ({function}) does not echo the request: expected {Convert.ToHexString(request[..5])}, got {Convert.ToHexString(pdu)}.");
        }
    }

    /// <summary>Throws for an exception response, or for a response to another function.</summary>
    public static void CheckFunction(ReadOnlySpan<byte> pdu, ModbusFunctionCode function)
    {
        if (pdu.Length == 0)
        {
            throw new ModbusProtocolException($"Empty response to function {(byte)function} ({function}).");
        }

        if (pdu[0] == ((byte)function | 0x80))
        {
            if (pdu.Length != 2)
            {
                throw new ModbusProtocolException(
                    $"Exception response to function {(byte)function} has {pdu.Length} bytes; expected 2.");
            }

            throw new ModbusException((byte)function, (ModbusExceptionCode)pdu[1]);
        }

        if (pdu[0] != (byte)function)
        {
            throw new ModbusProtocolException(
                $"Response carries function code {pdu[0]} but the request was function {(byte)function} ({function}).");
        }
    }

    private static void CheckByteCount(ReadOnlySpan<byte> pdu, ModbusFunctionCode function, int expected)
    {
        if (pdu.Length < 2 || pdu[1] != expected || pdu.Length != 2 + expected)
        {
            int stated = pdu.Length < 2 ? -1 : pdu[1];
            throw new ModbusProtocolException(
                $"Response to function {(byte)function} ({function}) states {stated} data bytes in a {pdu.Length}-byte PDU; expected {expected} data bytes.");
        }
    }
}
