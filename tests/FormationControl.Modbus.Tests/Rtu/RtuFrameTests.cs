using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Modbus.Tests.Rtu;

public class RtuFrameTests
{
    [Fact]
    public void Writes_unit_pdu_and_crc_low_byte_first()
    {
        byte[] frame = new byte[RtuFrame.MaxLength];

        int length = RtuFrame.Write(frame, 0x01, [0x03, 0x00, 0x00, 0x00, 0x0A]);

        Assert.Equal("01030000000AC5CD", Convert.ToHexString(frame, 0, length));
    }

    [Fact]
    public void Appending_the_crc_to_what_is_in_place_gives_the_same_frame()
    {
        byte[] frame = Convert.FromHexString("110F0013000A02CD01" + "0000");

        int length = RtuFrame.AppendCrc(frame, frame.Length - 2);

        Assert.Equal(frame.Length, length);
        Assert.True(ModbusCrc.IsValidFrame(frame));
    }

    [Fact]
    public void The_largest_frame_is_256_bytes()
    {
        Assert.Equal(256, RtuFrame.MaxLength);
    }
}
