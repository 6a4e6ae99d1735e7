using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tests.Protocol;

public class ModbusLimitsTests
{
    [Theory]
    [InlineData(0, 125)]
    [InlineData(126, 125)]
    [InlineData(2001, 2000)]
    public void Quantity_outside_one_to_max_is_refused(int count, int max)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ModbusLimits.CheckQuantity(count, max, 0, "destination", ModbusFunctionCode.ReadHoldingRegisters));

        Assert.Equal("destination", e.ParamName);
        Assert.Contains($"1 to {max}", e.Message);
    }

    [Fact]
    public void Range_past_address_65535_is_refused()
    {
        ModbusLimits.CheckQuantity(10, 125, 65526, "values", ModbusFunctionCode.WriteMultipleRegisters);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ModbusLimits.CheckQuantity(11, 125, 65526, "values", ModbusFunctionCode.WriteMultipleRegisters));
        Assert.Contains("65535", e.Message);
    }
}
