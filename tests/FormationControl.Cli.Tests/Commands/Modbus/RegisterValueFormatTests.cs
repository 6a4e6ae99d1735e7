using System.Globalization;
using CsCheck;
using FormationControl.Cli.Commands.Modbus;
using FormationControl.Modbus.Data;

namespace FormationControl.Cli.Tests.Commands.Modbus;

public class RegisterValueFormatTests
{
    [Theory]
    [InlineData(ModbusValueType.U16, typeof(ushort))]
    [InlineData(ModbusValueType.I16, typeof(short))]
    [InlineData(ModbusValueType.U32, typeof(uint))]
    [InlineData(ModbusValueType.I32, typeof(int))]
    [InlineData(ModbusValueType.F32, typeof(float))]
    public void Each_type_decodes_to_its_own_number_type(ModbusValueType type, Type expected)
    {
        Assert.IsType(expected, RegisterValueFormat.Decode([0xFFFF, 0xFFFE], type, WordOrder.ABCD));
    }

    [Fact]
    public void Encoding_then_decoding_gives_the_value_back_in_every_order()
    {
        Gen.Select(Gen.Float, Gen.Int, Gen.Enum<WordOrder>()).Sample((f, i, order) =>
        {
            if (!float.IsFinite(f))
            {
                return; // NaN and infinities have no plain-number form on the command line
            }

            Assert.True(RegisterValueFormat.TryEncode(RegisterValueFormat.Format(f), ModbusValueType.F32, order, out ushort[] floats, out _));
            Assert.True(RegisterValueFormat.TryEncode(i.ToString(CultureInfo.InvariantCulture), ModbusValueType.I32, order, out ushort[] ints, out _));
            Assert.Equal(f, (float)RegisterValueFormat.Decode(floats, ModbusValueType.F32, order));
            Assert.Equal(i, (int)RegisterValueFormat.Decode(ints, ModbusValueType.I32, order));
        });
    }

    [Theory]
    [InlineData("1,70000", ModbusValueType.U16, "'70000' (value 2) is not a number from 0 to 65535")]
    [InlineData("-40000", ModbusValueType.I16, "'-40000' (value 1) is not a number from -32768 to 32767")]
    [InlineData("-1", ModbusValueType.U32, "'-1' (value 1) is not a number from 0 to 4294967295")]
    [InlineData("1,2,x", ModbusValueType.F32, "'x' (value 3) is not a 32-bit floating-point number")]
    [InlineData(" , ", ModbusValueType.U16, "no values given")]
    public void Bad_values_are_named_with_their_place(string text, ModbusValueType type, string error)
    {
        Assert.False(RegisterValueFormat.TryEncode(text, type, WordOrder.ABCD, out _, out string message));
        Assert.Equal(error, message);
    }

    [Fact]
    public void Thirty_two_bit_values_take_two_registers_each()
    {
        Assert.True(RegisterValueFormat.TryEncode("1,2,3", ModbusValueType.U32, WordOrder.ABCD, out ushort[] registers, out _));

        Assert.Equal(new ushort[] { 0, 1, 0, 2, 0, 3 }, registers);
    }
}
