using System.Globalization;

namespace FormationControl.Core.Quantities;

/// <summary>
/// Unit scaling and C-rate resolution done in decimal, so that spellings that are equal on paper give the
/// same double: "4200 mV" is exactly 4.2 V and "0.7C" of 100 Ah exactly 70 A (0.7 * 100 in binary is 70.00000000000001).
/// Outside the magnitudes where decimal keeps more digits than double, plain double arithmetic is used.
/// </summary>
internal static class DecimalArithmetic
{
    // Inputs and results in this range keep at least 22 significant decimal digits: far more than a double holds.
    private const double Smallest = 1e-6;
    private const double Largest = 1e24;

    /// <summary>The number written as <paramref name="number"/> (invariant culture) times <paramref name="scale"/>.</summary>
    public static double Scale(string number, decimal scale)
    {
        double plain = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        double scaled = plain * (double)scale;
        if (scale == 1m || !InRange(plain) || !InRange(scaled))
        {
            return scaled;
        }

        return ToDouble(decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture) * scale);
    }

    public static double Multiply(double a, double b)
    {
        double plain = a * b;
        return InRange(a) && InRange(b) && InRange(plain) ? ToDouble(ToDecimal(a) * ToDecimal(b)) : plain;
    }

    /// <summary>
    /// A C-rate times a capacity. A rate that is the reciprocal of a short decimal was most likely written "C/n",
    /// and capacity / n is then the exact intent: "C/3" of 3 Ah is 1 A, where 0.3333333333333333 * 3 is not.
    /// </summary>
    public static double MultiplyByRate(double rate, double capacity)
    {
        if (rate > 0 && InRange(rate) && InRange(1 / rate))
        {
            double divisor = double.Parse((1 / rate).ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (Divide(1, divisor) == rate)
            {
                return Divide(capacity, divisor);
            }
        }

        return Multiply(rate, capacity);
    }

    public static double Divide(double a, double b)
    {
        double plain = a / b;
        return InRange(a) && InRange(b) && InRange(plain) ? ToDouble(ToDecimal(a) / ToDecimal(b)) : plain;
    }

    private static bool InRange(double value) => Math.Abs(value) is >= Smallest and <= Largest;

    // The shortest round-trip text is the decimal the user most plausibly meant.
    private static decimal ToDecimal(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    // double.Parse is correctly rounded, so this is the double nearest to the exact decimal.
    private static double ToDouble(decimal value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
