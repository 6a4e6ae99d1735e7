using FormationControl.Modbus.Master;

namespace FormationControl.Modbus.Tests.Master;

public class ModbusMasterOptionsTests
{
    [Fact]
    public void Defaults_are_one_second_no_retries_and_a_50_ms_back_off()
    {
        var options = new ModbusTcpMasterOptions();

        Assert.Equal(TimeSpan.FromSeconds(1), options.Timeout);
        Assert.Equal(0, options.Retries);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.RetryBackoff);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MaxRetryBackoff);
        Assert.Equal(1, options.MaxOutstandingRequests);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void Each_bad_setting_is_refused_by_its_name()
    {
        AssertRefused(new ModbusTcpMasterOptions { Retries = -1 }, "Retries");
        AssertRefused(new ModbusTcpMasterOptions { RetryBackoff = TimeSpan.FromMilliseconds(-1) }, "RetryBackoff");
        AssertRefused(new ModbusTcpMasterOptions { MaxRetryBackoff = TimeSpan.FromMilliseconds(-1) }, "MaxRetryBackoff");
        AssertRefused(new ModbusTcpMasterOptions { ConnectTimeout = TimeSpan.Zero }, "ConnectTimeout");
        AssertRefused(new ModbusTcpMasterOptions { MaxOutstandingRequests = 0 }, "MaxOutstandingRequests");
        AssertRefused(new ModbusTcpMasterOptions { MaxOutstandingRequests = 257 }, "MaxOutstandingRequests");
        AssertRefused(new ModbusRtuMasterOptions { Timeout = TimeSpan.Zero }, "Timeout");
        AssertRefused(new ModbusRtuMasterOptions { InterFrameDelay = TimeSpan.FromMilliseconds(-1) }, "InterFrameDelay");
        AssertRefused(new ModbusRtuMasterOptions { BroadcastTurnaround = TimeSpan.FromMilliseconds(-1) }, "BroadcastTurnaround");
        AssertRefused(new ModbusRtuMasterOptions { CloseTimeout = TimeSpan.Zero }, "CloseTimeout");
    }

    [Fact]
    public void The_message_names_the_options_class_and_the_setting()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ModbusRtuMasterOptions { CloseTimeout = TimeSpan.Zero }.Validate());

        Assert.StartsWith("ModbusRtuMasterOptions.CloseTimeout must be positive", e.Message);
    }

    private static void AssertRefused(ModbusMasterOptions options, string name) =>
        Assert.Equal(name, Assert.ThrowsAny<ArgumentException>(options.Validate).ParamName);
}
