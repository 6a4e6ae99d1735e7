using FormationControl.Devices.Meter;

namespace FormationControl.Devices.Tests.Meter;

public class MeterReadingTests
{
    [Fact]
    public void Parses_resistance_and_voltage_in_scientific_notation()
    {
        Assert.True(MeterReading.TryParse("4.5123E-04,3.69712E+00", out var r));
        Assert.Equal(4.5123e-4, r.AcResistanceOhm, 12);
        Assert.Equal(3.69712, r.VoltageV, 9);
        Assert.False(r.IsOpenCircuit);
    }

    [Fact]
    public void The_overflow_value_is_an_open_cell()
    {
        Assert.True(MeterReading.TryParse("9.9000E+37,1.20000E-05", out var r));
        Assert.True(r.IsOpenCircuit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4.5E-04")]
    [InlineData("4.5E-04,3.7,1")]
    [InlineData("abc,3.7")]
    [InlineData("-1E-04,3.7")]
    [InlineData("NaN,3.7")]
    [InlineData("4.5E-04,∞")]
    public void Anything_else_is_not_a_reading(string? answer)
    {
        Assert.False(MeterReading.TryParse(answer, out _));
    }
}
