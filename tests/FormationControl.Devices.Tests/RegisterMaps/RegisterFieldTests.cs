using CsCheck;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Data;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Devices.Tests.RegisterMaps;

public class RegisterFieldTests
{
    private static RegisterField Field(RegisterType type, double scale = 1, WordOrder order = WordOrder.ABCD) =>
        new("f", ModbusTable.InputRegisters, 0, type, scale, order, FieldAccess.Read, null);

    [Fact]
    public void Scaled_u16_quantises_to_its_resolution()
    {
        var voltage = Field(RegisterType.U16, 0.0001);
        var regs = new ushort[1];
        voltage.Encode(4.19996, regs);
        Assert.Equal(42000, regs[0]);
        Assert.Equal(4.2, voltage.Decode(regs), 9);
    }

    [Fact]
    public void Out_of_range_values_saturate_like_a_converter()
    {
        var regs = new ushort[1];
        Field(RegisterType.U16, 0.0001).Encode(7.0, regs);
        Assert.Equal(ushort.MaxValue, regs[0]);
        Field(RegisterType.U16).Encode(-5, regs);
        Assert.Equal(0, regs[0]);
        Field(RegisterType.I16, 0.1).Encode(-4000, regs);
        Assert.Equal(unchecked((ushort)short.MinValue), regs[0]);
    }

    [Fact]
    public void Signed_32_bit_current_round_trips_in_every_word_order()
    {
        Gen.Int[-2_000_000, 2_000_000].Select(Gen.Enum<WordOrder>()).Sample((raw, order) =>
        {
            var current = Field(RegisterType.I32, 0.0001, order);
            var regs = new ushort[2];
            current.Encode(raw * 0.0001, regs);
            return Math.Abs(current.Decode(regs) - (raw * 0.0001)) < 1e-9;
        });
    }

    [Fact]
    public void Float_fields_keep_single_precision()
    {
        var f = Field(RegisterType.F32, 1, WordOrder.CDAB);
        var regs = new ushort[2];
        f.Encode(3.1415926, regs);
        Assert.Equal((double)3.1415926f, f.Decode(regs));
    }
}
