using CsCheck;
using FormationControl.Modbus.Data;

namespace FormationControl.Modbus.Tests.Data;

public class RegisterValuesTests
{
    [Theory]
    [InlineData(WordOrder.ABCD, 0x1234, 0x5678)]
    [InlineData(WordOrder.CDAB, 0x5678, 0x1234)]
    [InlineData(WordOrder.BADC, 0x3412, 0x7856)]
    [InlineData(WordOrder.DCBA, 0x7856, 0x3412)]
    public void Lays_out_bytes_in_the_named_order(WordOrder order, int first, int second)
    {
        ushort[] registers = new ushort[2];

        RegisterValues.WriteUInt32(0x12345678, registers, order);

        Assert.Equal(new[] { (ushort)first, (ushort)second }, registers);
    }

    [Fact]
    public void A_float_1_0_in_ABCD_is_3F80_0000()
    {
        ushort[] registers = new ushort[2];

        RegisterValues.WriteSingle(1.0f, registers, WordOrder.ABCD);

        Assert.Equal(new ushort[] { 0x3F80, 0x0000 }, registers);
    }

    [Fact]
    public void Reading_inverts_writing_in_every_order()
    {
        Gen.Select(Gen.Int, Gen.Float, Gen.Enum<WordOrder>()).Sample((integer, single, order) =>
        {
            ushort[] registers = new ushort[2];
            RegisterValues.WriteInt32(integer, registers, order);
            Assert.Equal(integer, RegisterValues.ReadInt32(registers, order));
            RegisterValues.WriteSingle(single, registers, order);
            Assert.Equal(BitConverter.SingleToUInt32Bits(single), BitConverter.SingleToUInt32Bits(RegisterValues.ReadSingle(registers, order)));
        });
    }

    [Theory]
    [InlineData(WordOrder.ABCD, 0x3FC0, 0x0000)]
    [InlineData(WordOrder.CDAB, 0x0000, 0x3FC0)]
    [InlineData(WordOrder.BADC, 0xC03F, 0x0000)]
    [InlineData(WordOrder.DCBA, 0x0000, 0xC03F)]
    public void A_float_1_5_is_3FC00000_laid_out_in_each_order(WordOrder order, int first, int second)
    {
        ushort[] registers = [(ushort)first, (ushort)second];

        Assert.Equal(1.5f, RegisterValues.ReadSingle(registers, order));
    }

    [Theory]
    [InlineData(int.MinValue, 0x8000, 0x0000)]
    [InlineData(int.MaxValue, 0x7FFF, 0xFFFF)]
    [InlineData(-1, 0xFFFF, 0xFFFF)]
    [InlineData(-2, 0xFFFF, 0xFFFE)]
    public void Signed_integers_are_twos_complement_high_word_first_in_ABCD(int value, int first, int second)
    {
        ushort[] registers = new ushort[2];

        RegisterValues.WriteInt32(value, registers, WordOrder.ABCD);

        Assert.Equal(new[] { (ushort)first, (ushort)second }, registers);
        Assert.Equal(value, RegisterValues.ReadInt32(registers, WordOrder.ABCD));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(-0f)]
    [InlineData(float.Epsilon)]
    public void Special_floats_keep_their_exact_bits_in_every_order(float value)
    {
        foreach (WordOrder order in Enum.GetValues<WordOrder>())
        {
            ushort[] registers = new ushort[2];
            RegisterValues.WriteSingle(value, registers, order);
            Assert.Equal(BitConverter.SingleToUInt32Bits(value), BitConverter.SingleToUInt32Bits(RegisterValues.ReadSingle(registers, order)));
        }
    }

    [Fact]
    public void Each_order_sends_the_four_bytes_in_the_order_its_name_says()
    {
        // Value bytes A=0x11 B=0x22 C=0x33 D=0x44; registers travel big-endian, so the wire order is visible.
        Gen.Enum<WordOrder>().Sample(order =>
        {
            ushort[] registers = new ushort[2];
            RegisterValues.WriteUInt32(0x11223344, registers, order);
            byte[] wire = [(byte)(registers[0] >> 8), (byte)registers[0], (byte)(registers[1] >> 8), (byte)registers[1]];
            string letters = string.Concat(wire.Select(b => (char)('A' + (b >> 4) - 1)));
            Assert.Equal(order.ToString(), letters);
        });
    }
}
