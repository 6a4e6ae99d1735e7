namespace FormationControl.Modbus.Protocol;

/// <summary>
/// CRC-16/MODBUS (polynomial 0xA001 reflected, initial value 0xFFFF), which ends every RTU frame, low byte first.
/// The CRC of <c>01 03 00 00 00 0A</c> is 0xCDC5 (sent as C5 CD); the CRC of the ASCII text "123456789" is 0x4B37.
/// </summary>
public static class ModbusCrc
{
    // One entry per byte value: the register update for that byte, so the loop does one lookup per byte.
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort[] table = Table;
        uint crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc = (crc >> 8) ^ table[(byte)(crc ^ b)];
        }

        return (ushort)crc;
    }

    /// <summary>Whether the last two bytes of <paramref name="frame"/> are the CRC (low byte first) of the bytes before them.</summary>
    public static bool IsValidFrame(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 3)
        {
            return false;
        }

        ushort crc = Compute(frame[..^2]);
        return frame[^2] == (byte)crc && frame[^1] == (byte)(crc >> 8);
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int value = 0; value < 256; value++)
        {
            uint crc = (uint)value;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }

            table[value] = (ushort)crc;
        }

        return table;
    }
}
