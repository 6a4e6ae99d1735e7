using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Modbus.Tests.Rtu;

public class RtuResponseRuleTests
{
    [Theory]
    [InlineData("030000000A", "010314", 25)] // 10 registers: 20 data bytes
    [InlineData("030000000A", "0103", 0)] // byte count not here yet
    [InlineData("040000007D", "01040000", -1)] // wrong byte count for 125 registers (250)
    [InlineData("040000007D", "0104FA", 255)]
    [InlineData("0100000013", "010103", 8)] // 19 coils: 3 bytes
    [InlineData("0200000001", "010201", 6)]
    [InlineData("1700000002000100010001", "011704", 9)]
    [InlineData("050001FF00", "0105", 8)]
    [InlineData("0600010003", "0106", 8)]
    [InlineData("0F0013000A02CD01", "010F", 8)]
    [InlineData("10000100020400010002", "0110", 8)]
    public void Expects_the_length_of_the_answer_to_this_request(string requestPdu, string responseStart, int length)
    {
        var rule = RtuResponseRule.For(1, Convert.FromHexString(requestPdu));

        Assert.Equal(length, rule.FrameLength(Convert.FromHexString(responseStart)));
    }

    [Theory]
    [InlineData("0183")]
    [InlineData("0190")]
    public void An_exception_answer_is_five_bytes(string start)
    {
        var request = Convert.FromHexString(start[2..] == "83" ? "030000000A" : "10000100020400010002");

        Assert.Equal(5, RtuResponseRule.For(1, request).FrameLength(Convert.FromHexString(start)));
    }

    [Theory]
    [InlineData("0203")] // another unit
    [InlineData("0104")] // another function
    [InlineData("0184")] // another function's exception
    public void Nothing_else_can_start_the_answer(string start)
    {
        var rule = RtuResponseRule.For(1, Convert.FromHexString("030000000A"));

        Assert.Equal(RtuFrameLength.NotAFrame, rule.FrameLength(Convert.FromHexString(start)));
    }

    [Fact]
    public void Knows_the_function_and_byte_count_it_waits_for()
    {
        var rule = RtuResponseRule.For(9, Convert.FromHexString("030000007D"));

        Assert.Equal(9, rule.UnitId);
        Assert.Equal(ModbusFunctionCode.ReadHoldingRegisters, rule.Function);
        Assert.Equal(250, rule.ExpectedByteCount);
    }
}
