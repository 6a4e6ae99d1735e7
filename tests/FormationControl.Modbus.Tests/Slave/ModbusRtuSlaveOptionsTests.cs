using FormationControl.Modbus.Slave;

namespace FormationControl.Modbus.Tests.Slave;

public class ModbusRtuSlaveOptionsTests
{
    [Fact]
    public void Bad_settings_are_refused_by_name()
    {
        Assert.Equal("InterFrameDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.FromSeconds(-1) }.Validate()).ParamName);
        Assert.Equal("ReopenDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusRtuSlaveOptions { ReopenDelay = TimeSpan.Zero }.Validate()).ParamName);
        Assert.Equal("CloseTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusRtuSlaveOptions { CloseTimeout = TimeSpan.Zero }.Validate()).ParamName);
    }

    [Fact]
    public void By_default_it_follows_the_spec_timing_and_reopens_after_a_second()
    {
        var options = new ModbusRtuSlaveOptions();

        Assert.Null(options.InterFrameDelay);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ReopenDelay);
    }
}
