namespace FormationControl.Modbus.Protocol;

/// <summary>
/// Quantity limits of the specification. They follow from the 253-byte PDU: a response must fit,
/// so a read asks for at most 250 data bytes and a write carries at most 246 (or 242 for function 23).
/// </summary>
public static class ModbusLimits
{
    /// <summary>Largest PDU (function code plus data) in bytes.</summary>
    public const int MaxPduLength = 253;

    /// <summary>Most coils or discrete inputs one read (function 1 or 2) may ask for.</summary>
    public const int MaxReadBits = 2000;

    /// <summary>Most coils one write (function 15) may carry.</summary>
    public const int MaxWriteBits = 1968;

    /// <summary>Most registers one read (function 3, 4, or the read half of 23) may ask for.</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>Most registers one write (function 16) may carry.</summary>
    public const int MaxWriteRegisters = 123;

    /// <summary>Most registers the write half of function 23 may carry.</summary>
    public const int MaxReadWriteWriteRegisters = 121;

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="parameterName"/> unless
    /// 1 &lt;= <paramref name="count"/> &lt;= <paramref name="max"/> and the range stays within the 65536 addresses.
    /// </summary>
    internal static void CheckQuantity(int count, int max, ushort address, string parameterName, ModbusFunctionCode function)
    {
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(parameterName, count,
                $"Function {(byte)function} ({function}) takes 1 to {max} items; {parameterName} has {count}.");
        }

        if (address + count > 65536)
        {
            throw new ArgumentOutOfRangeException(parameterName, count,
                $"Function {(byte)function} ({function}): {count} items from address {address} run past address 65535.");
        }
    }
}
