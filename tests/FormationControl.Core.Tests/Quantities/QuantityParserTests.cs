using FormationControl.Core.Quantities;

namespace FormationControl.Core.Tests.Quantities;

public class QuantityParserTests
{
    [Theory]
    [InlineData("4.2 V", 4.2, Dimension.Voltage)]
    [InlineData("4200 mV", 4.2, Dimension.Voltage)]
    [InlineData("5 mV", 0.005, Dimension.Voltage)]
    [InlineData("10 A", 10, Dimension.Current)]
    [InlineData("500 mA", 0.5, Dimension.Current)]
    [InlineData("250 uA", 0.00025, Dimension.Current)]
    [InlineData("250 µA", 0.00025, Dimension.Current)]
    [InlineData("0.1C", 0.1, Dimension.CRate)]
    [InlineData("0.1 C", 0.1, Dimension.CRate)]
    [InlineData("2C", 2, Dimension.CRate)]
    [InlineData("C/10", 0.1, Dimension.CRate)]
    [InlineData("C / 20", 0.05, Dimension.CRate)]
    [InlineData("C/2.5", 0.4, Dimension.CRate)]
    [InlineData("2 h", 7200, Dimension.Time)]
    [InlineData("1.5 hours", 5400, Dimension.Time)]
    [InlineData("1 hr", 3600, Dimension.Time)]
    [InlineData("30 min", 1800, Dimension.Time)]
    [InlineData("1 minute", 60, Dimension.Time)]
    [InlineData("90 s", 90, Dimension.Time)]
    [InlineData("90 sec", 90, Dimension.Time)]
    [InlineData("2 seconds", 2, Dimension.Time)]
    [InlineData("250 ms", 0.25, Dimension.Time)]
    [InlineData("14 days", 1209600, Dimension.Time)]
    [InlineData("1 d", 86400, Dimension.Time)]
    [InlineData("1 V/s", 1, Dimension.VoltageRate)]
    [InlineData("5 mV/s", 0.005, Dimension.VoltageRate)]
    [InlineData("6 mV/min", 0.0001, Dimension.VoltageRate)]
    [InlineData("36 mV/h", 0.00001, Dimension.VoltageRate)]
    [InlineData("60 V/min", 1, Dimension.VoltageRate)]
    [InlineData("100 Ah", 100, Dimension.Capacity)]
    [InlineData("2500 mAh", 2.5, Dimension.Capacity)]
    [InlineData("1.5 Wh", 1.5, Dimension.Energy)]
    [InlineData("1500 mWh", 1.5, Dimension.Energy)]
    [InlineData("0.37 kWh", 370, Dimension.Energy)]
    [InlineData("60 degC", 60, Dimension.Temperature)]
    [InlineData("-20 °C", -20, Dimension.Temperature)]
    [InlineData("50 W", 50, Dimension.Power)]
    [InlineData("1.2 kW", 1200, Dimension.Power)]
    [InlineData("0.45 mOhm", 0.00045, Dimension.Resistance)]
    [InlineData("20 mΩ", 0.02, Dimension.Resistance)]
    [InlineData("2 Ohm", 2, Dimension.Resistance)]
    [InlineData("100.5 %", 100.5, Dimension.Percent)]
    [InlineData("98%", 98, Dimension.Percent)]
    [InlineData("  4.2V  ", 4.2, Dimension.Voltage)]
    [InlineData(".5 V", 0.5, Dimension.Voltage)]
    [InlineData("+3 V", 3, Dimension.Voltage)]
    [InlineData("1e3 mV", 1, Dimension.Voltage)]
    [InlineData("1.5E-3 Ah", 0.0015, Dimension.Capacity)]
    public void Parses_value_into_base_unit(string text, double expected, Dimension dimension)
    {
        Assert.True(Quantity.TryParse(text, out var quantity, out string? error), error);
        Assert.Equal(new Quantity(expected, dimension), quantity);
    }

    [Theory]
    [InlineData("4.21 V", "4210 mV")]
    [InlineData("3.65 V", "3650 mV")]
    [InlineData("0.3 A", "300 mA")]
    [InlineData("0.1C", "C/10")]
    [InlineData("0.02C", "C/50")]
    [InlineData("1.7 h", "102 min")]
    [InlineData("0.1 h", "360 s")]
    public void Equal_spellings_give_the_identical_double(string a, string b)
    {
        // Exact, not approximate: the profile hash depends on it.
        Assert.Equal(Quantity.Parse(a).Value, Quantity.Parse(b).Value);
    }

    [Theory]
    [InlineData("", "empty quantity")]
    [InlineData("   ", "empty quantity")]
    [InlineData(null, "empty quantity")]
    [InlineData("V", "does not start with a number")]
    [InlineData("abc", "does not start with a number")]
    [InlineData("4.2", "has no unit")]
    [InlineData("4.2 volts", "unknown unit 'volts'")]
    [InlineData("4.2 Volt", "unknown unit 'Volt'")]
    [InlineData("500 ma", "unknown unit 'ma' in \"500 ma\"; did you mean 'mA'?")]
    [InlineData("10 Amp", "unknown unit 'Amp'")]
    [InlineData("4,2 V", "unknown unit ',2 V'")]
    [InlineData("4.2 V V", "unknown unit 'V V'")]
    [InlineData("C/", "is not a C-rate")]
    [InlineData("C/abc", "is not a C-rate")]
    [InlineData("C/10 A", "is not a C-rate")]
    [InlineData("C/0", "must be a positive number")]
    [InlineData("C/-5", "must be a positive number")]
    [InlineData("1e400 V", "out of range")]
    [InlineData("NaN V", "does not start with a number")]
    [InlineData("Infinity V", "does not start with a number")]
    [InlineData("30 m", "unknown unit 'm'")]
    public void Refuses_malformed_text_with_a_reason(string? text, string reason)
    {
        Assert.False(Quantity.TryParse(text, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_a_format_exception_with_the_reason()
    {
        var e = Assert.Throws<FormatException>(() => Quantity.Parse("12 parsecs"));
        Assert.Contains("unknown unit 'parsecs'", e.Message, StringComparison.Ordinal);
    }
}
