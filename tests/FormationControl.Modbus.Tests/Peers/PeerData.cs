namespace FormationControl.Modbus.Tests.Peers;

/// <summary>What the pymodbus and libmodbus peer servers hold (0-based addresses), so tests know what to expect.</summary>
internal static class PeerData
{
    public static ushort Holding(int address) => (ushort)((7 * address) + 3);

    public static ushort Input(int address) => (ushort)(50000 - address);

    public static bool Coil(int address) => address % 3 == 0;

    public static bool Discrete(int address) => address % 2 == 0;
}
