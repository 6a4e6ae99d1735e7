using System.Text;
using CsCheck;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tests.Protocol;

public class ModbusCrcTests
{
    [Fact]
    public void The_spec_example_read_of_ten_registers_ends_in_C5_CD()
    {
        ushort crc = ModbusCrc.Compute([0x01, 0x03, 0x00, 0x00, 0x00, 0x0A]);

        Assert.Equal(0xCDC5, crc);
        Assert.Equal(0xC5, (byte)crc); // sent first
        Assert.Equal(0xCD, (byte)(crc >> 8));
    }

    [Fact]
    public void The_check_value_of_CRC16_MODBUS_is_4B37()
    {
        Assert.Equal(0x4B37, ModbusCrc.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Nothing_hashes_to_the_initial_value()
    {
        Assert.Equal(0xFFFF, ModbusCrc.Compute([]));
    }

    [Theory]
    [InlineData("01030000000AC5CD", true)]
    [InlineData("01030000000ACDC5", false)] // bytes swapped: the CRC travels low byte first
    [InlineData("01030000000BC5CD", false)]
    [InlineData("C5CD", false)]
    public void A_frame_is_valid_when_its_last_two_bytes_are_its_CRC_low_byte_first(string hex, bool valid)
    {
        Assert.Equal(valid, ModbusCrc.IsValidFrame(Convert.FromHexString(hex)));
    }

    [Fact]
    public void The_table_agrees_with_the_bitwise_definition()
    {
        Gen.Byte.Array[0, 300].Sample(data => Assert.Equal(Bitwise(data), ModbusCrc.Compute(data)));
    }

    [Fact]
    public void Any_single_bit_flip_is_detected()
    {
        Gen.Select(Gen.Byte.Array[1, 254], Gen.Int[0, int.MaxValue]).Sample((data, flip) =>
        {
            byte[] frame = [.. data, 0, 0];
            ushort crc = ModbusCrc.Compute(data);
            frame[^2] = (byte)crc;
            frame[^1] = (byte)(crc >> 8);
            int bit = flip % (frame.Length * 8);
            frame[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(ModbusCrc.IsValidFrame(frame));
        });
    }

    // The definition: reflected polynomial 0xA001, initial value 0xFFFF, one bit at a time.
    private static ushort Bitwise(byte[] data)
    {
        int crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }
}
