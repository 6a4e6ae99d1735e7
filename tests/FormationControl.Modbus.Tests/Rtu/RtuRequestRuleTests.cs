using FormationControl.Modbus.Rtu;

namespace FormationControl.Modbus.Tests.Rtu;

public class RtuRequestRuleTests
{
    [Theory]
    [InlineData("0101", 8)]
    [InlineData("0702", 8)]
    [InlineData("0103", 8)]
    [InlineData("F704", 8)]
    [InlineData("0005", 8)]
    [InlineData("0106", 8)]
    [InlineData("010F0013000A02", 11)]
    [InlineData("0110000100020400", 13)]
    [InlineData("0117000000030010000204", 17)]
    public void Measures_requests_from_their_function_code_and_byte_count(string start, int length)
    {
        Assert.Equal(length, default(RtuRequestRule).FrameLength(Convert.FromHexString(start)));
    }

    [Theory]
    [InlineData("01")]
    [InlineData("010F0013000A")] // byte count not here yet
    [InlineData("01170000000300100002")]
    [InlineData("0141")] // a function this slave cannot measure: decided by the next silence
    [InlineData("0183")]
    public void Waits_when_the_length_is_not_known_yet(string start)
    {
        Assert.Equal(RtuFrameLength.NeedMoreBytes, default(RtuRequestRule).FrameLength(Convert.FromHexString(start)));
    }
}
