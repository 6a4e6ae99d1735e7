using CsCheck;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tests.Protocol;

public class BitPackingTests
{
    [Fact]
    public void Packs_first_bit_into_the_least_significant_position()
    {
        // Spec §6.1 example: coils 20..38 = CD 6B 05.
        bool[] bits = [true, false, true, true, false, false, true, true, true, true, false, true, false, true, true, false, true, false, true];
        byte[] bytes = new byte[3];

        BitPacking.Pack(bits, bytes);

        Assert.Equal(new byte[] { 0xCD, 0x6B, 0x05 }, bytes);
    }

    [Fact]
    public void Clears_stale_bits_in_the_destination()
    {
        byte[] bytes = [0xFF, 0xFF];

        BitPacking.Pack([true, false, false], bytes);

        Assert.Equal(new byte[] { 0x01, 0xFF }, bytes);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(2000, 250)]
    public void Byte_count_rounds_up(int bits, int bytes) => Assert.Equal(bytes, BitPacking.ByteCount(bits));

    [Fact]
    public void Unpack_inverts_pack()
    {
        Gen.Bool.Array[1, 2000].Sample(bits =>
        {
            byte[] bytes = new byte[BitPacking.ByteCount(bits.Length)];
            BitPacking.Pack(bits, bytes);
            bool[] back = new bool[bits.Length];
            BitPacking.Unpack(bytes, back);
            Assert.Equal(bits, back);
        });
    }
}
