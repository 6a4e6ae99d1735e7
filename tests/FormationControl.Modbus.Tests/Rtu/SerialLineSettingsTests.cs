using System.IO.Ports;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Modbus.Tests.Rtu;

public class SerialLineSettingsTests
{
    [Theory]
    [InlineData(Parity.None, StopBits.One, 10, "9600 baud 8N1")]
    [InlineData(Parity.Even, StopBits.One, 11, "9600 baud 8E1")]
    [InlineData(Parity.Odd, StopBits.One, 11, "9600 baud 8O1")]
    [InlineData(Parity.None, StopBits.Two, 11, "9600 baud 8N2")]
    public void Counts_the_bits_of_each_character_format(Parity parity, StopBits stopBits, int bits, string text)
    {
        var settings = new SerialLineSettings(9600, parity, stopBits);

        Assert.Equal(bits, settings.BitsPerCharacter);
        Assert.Equal(text, settings.ToString());
    }

    [Fact]
    public void The_inter_frame_delay_is_three_and_a_half_characters_up_to_19200_baud()
    {
        var settings = new SerialLineSettings(9600, Parity.Even);

        // 11 bits at 9600 baud: 1.1458 ms per character, 4.010 ms for 3.5.
        Assert.Equal(4.010, settings.InterFrameDelay.TotalMilliseconds, 0.001);
        Assert.Equal(1.146, settings.CharacterTime.TotalMilliseconds, 0.001);
        Assert.Equal(2.005, new SerialLineSettings(19200, Parity.Even).InterFrameDelay.TotalMilliseconds, 0.001);
    }

    [Theory]
    [InlineData(19201)]
    [InlineData(38400)]
    [InlineData(115200)]
    public void Above_19200_baud_the_inter_frame_delay_is_fixed_at_1_75_ms(int baudRate)
    {
        Assert.Equal(TimeSpan.FromMicroseconds(1750), new SerialLineSettings(baudRate, Parity.None).InterFrameDelay);
    }

    [Fact]
    public void The_spec_default_is_8E1()
    {
        var settings = new SerialLineSettings(19200);

        Assert.Equal(Parity.Even, settings.Parity);
        Assert.Equal(StopBits.One, settings.StopBits);
    }

    [Fact]
    public void Reading_125_registers_at_115200_takes_about_22_ms_on_the_wire()
    {
        // 255-byte answer, 10 bits per byte.
        Assert.Equal(22.1, new SerialLineSettings(115200, Parity.None).TransmissionTime(255).TotalMilliseconds, 0.1);
    }

    [Theory]
    [InlineData(0, Parity.None, StopBits.One, "baudRate")]
    [InlineData(9600, Parity.Mark, StopBits.One, "parity")]
    [InlineData(9600, Parity.Space, StopBits.One, "parity")]
    [InlineData(9600, Parity.None, StopBits.OnePointFive, "stopBits")]
    [InlineData(9600, Parity.None, StopBits.None, "stopBits")]
    public void Formats_Modbus_does_not_use_are_refused_by_name(int baudRate, Parity parity, StopBits stopBits, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SerialLineSettings(baudRate, parity, stopBits));

        Assert.Equal(parameter, e.ParamName);
    }
}
