using System.Globalization;
using CsCheck;
using FormationControl.Core.Quantities;

namespace FormationControl.Core.Tests.Quantities;

public class DecimalArithmeticTests
{
    [Theory]
    [InlineData(0.7, 100, 70)] // 0.7 * 100 in binary is 70.00000000000001
    [InlineData(0.1, 100, 10)]
    [InlineData(0.02, 100, 2)]
    [InlineData(0.3, 3, 0.9)]
    [InlineData(1.1, 1.1, 1.21)]
    public void Multiply_gives_the_double_nearest_the_decimal_product(double a, double b, double expected)
    {
        Assert.Equal(expected, DecimalArithmetic.Multiply(a, b));
    }

    [Theory]
    [InlineData(3, 3.0, 1.0)]
    [InlineData(3, 100.0, 33.333333333333336)]
    [InlineData(7, 280.0, 40.0)]
    [InlineData(20, 100.0, 5.0)]
    [InlineData(2.5, 10.0, 4.0)]
    public void A_reciprocal_rate_divides_the_capacity(double n, double capacity, double expected)
    {
        double rate = Quantity.Parse($"C/{n.ToString(CultureInfo.InvariantCulture)}").Value;
        Assert.Equal(expected, DecimalArithmetic.MultiplyByRate(rate, capacity));
    }

    [Fact]
    public void Rate_times_capacity_is_exact_for_decimal_rates()
    {
        // rate = k/1000 (as typed, e.g. "0.137C") times an integer capacity is an exact decimal; the result must be
        // the double that text would parse to.
        Gen.Select(Gen.Int[1, 5000], Gen.Int[1, 2000]).Sample((thousandths, capacity) =>
        {
            decimal exact = thousandths / 1000m * capacity;
            double rate = double.Parse((thousandths / 1000m).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            double expected = double.Parse(exact.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            Assert.Equal(expected, DecimalArithmetic.MultiplyByRate(rate, capacity));
        });
    }

    [Fact]
    public void Huge_and_tiny_values_fall_back_to_double_arithmetic()
    {
        Assert.Equal(1e300 * 2, DecimalArithmetic.Multiply(1e300, 2));
        Assert.Equal(1e-300 * 3, DecimalArithmetic.Multiply(1e-300, 3));
        Assert.Equal(1e300 / 7, DecimalArithmetic.Divide(1e300, 7));
    }
}
