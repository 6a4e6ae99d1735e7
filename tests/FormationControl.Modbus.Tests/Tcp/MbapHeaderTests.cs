using FormationControl.Modbus.Tcp;

namespace FormationControl.Modbus.Tests.Tcp;

public class MbapHeaderTests
{
    [Fact]
    public void Writes_transaction_protocol_length_and_unit()
    {
        byte[] frame = new byte[7];

        MbapHeader.Write(frame, 0x1234, 0xFF, 5);

        Assert.Equal("123400000006FF", Convert.ToHexString(frame));
    }

    [Fact]
    public void Limits_follow_the_largest_PDU()
    {
        Assert.Equal(254, MbapHeader.MaxLengthField);
        Assert.Equal(260, MbapHeader.MaxFrameLength);
    }
}
