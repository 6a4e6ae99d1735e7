using System.Globalization;
using CsCheck;
using FormationControl.Core.Quantities;

namespace FormationControl.Core.Tests.Quantities;

public class QuantityTests
{
    [Theory]
    [InlineData("4.2 V", Dimension.Voltage, "4.2 V")]
    [InlineData("4200 mV", Dimension.Voltage, "4.2 V")]
    [InlineData("C/10", Dimension.CRate, "0.1C")]
    [InlineData("30 min", Dimension.Time, "1800 s")]
    [InlineData("60 degC", Dimension.Temperature, "60 degC")]
    [InlineData("1.5 Wh", Dimension.Energy, "1.5 Wh")]
    [InlineData("50 %", Dimension.Percent, "50 %")]
    public void ToString_uses_the_base_unit(string text, Dimension dimension, string expected)
    {
        var quantity = Quantity.Parse(text);
        Assert.Equal(dimension, quantity.Dimension);
        Assert.Equal(expected, quantity.ToString());
    }

    [Fact]
    public void Format_then_parse_gives_back_the_same_quantity()
    {
        Gen.Select(Gen.Double.Where(double.IsFinite), Gen.Enum<Dimension>()).Sample((value, dimension) =>
        {
            var original = new Quantity(value, dimension);
            Assert.True(Quantity.TryParse(original.ToString(), out var parsed, out string? error), error);
            Assert.Equal(original, parsed);
        });
    }

    [Fact]
    public void A_prefixed_unit_is_exactly_the_base_unit_value_written_in_decimal()
    {
        // Any decimal number of milli-units equals the same number shifted three places, as parsed from text.
        Gen.Select(Gen.Long[-10_000_000_000, 10_000_000_000], Gen.Int[0, 6], Gen.OneOf("mV", "mA", "mAh", "mWh")).Sample((mantissa, scale, unit) =>
        {
            decimal milli = mantissa / (decimal)Math.Pow(10, scale);
            string baseUnit = unit[1..];
            var prefixed = Quantity.Parse($"{milli.ToString(CultureInfo.InvariantCulture)} {unit}");
            var plain = Quantity.Parse($"{(milli / 1000m).ToString(CultureInfo.InvariantCulture)} {baseUnit}");
            Assert.Equal(plain, prefixed);
        });
    }

    [Theory]
    [InlineData("10 A", null, 10)]
    [InlineData("500 mA", null, 0.5)]
    [InlineData("C/10", 100.0, 10)]
    [InlineData("0.1C", 100.0, 10)]
    [InlineData("0.7C", 100.0, 70)]
    [InlineData("C/3", 3.0, 1)]
    [InlineData("0.2C", 2.6, 0.52)]
    [InlineData("1C", 280.0, 280)]
    public void Current_resolves_to_amps(string text, double? nominalCapacityAh, double expectedA)
    {
        Assert.True(Quantity.TryParseCurrentA(text, nominalCapacityAh, out double amps, out string? error), error);
        Assert.Equal(expectedA, amps);
    }

    [Fact]
    public void A_c_rate_without_nominal_capacity_is_an_error()
    {
        Assert.False(Quantity.TryParseCurrentA("C/10", null, out _, out string? error));
        Assert.Equal("0.1C is a C-rate, but no nominal capacity is known to turn it into amps", error);
    }

    [Fact]
    public void A_c_rate_with_a_non_positive_capacity_is_an_error()
    {
        Assert.False(Quantity.Parse("1C").TryResolveCurrentA(0, out _, out string? error));
        Assert.Contains("is not positive", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_voltage_where_a_current_belongs_is_an_error()
    {
        Assert.False(Quantity.TryParseCurrentA("4.2 V", 100, out _, out string? error));
        Assert.Equal("expected a current (e.g. \"10 A\") or a C-rate (e.g. \"C/10\"), but \"4.2 V\" is a voltage", error);
    }

    [Fact]
    public void A_current_where_a_voltage_belongs_is_an_error()
    {
        Assert.False(Quantity.TryParse("4.2 A", Dimension.Voltage, out _, out string? error));
        Assert.Equal("expected a voltage (e.g. \"4.2 V\"), but \"4.2 A\" is a current", error);
    }

    [Fact]
    public void Parse_with_expected_dimension_accepts_the_right_one()
    {
        Assert.True(Quantity.TryParse("30 min", Dimension.Time, out var quantity, out _));
        Assert.Equal(1800, quantity.Value);
    }
}
