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
}
