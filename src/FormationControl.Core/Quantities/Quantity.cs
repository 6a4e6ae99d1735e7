using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FormationControl.Core.Quantities;

/// <summary>
/// A value with its dimension, in the dimension's base unit (V, A, C, s, Ah, Wh, degC, W, Ohm, %):
/// "4200 mV" is <c>Quantity(4.2, Voltage)</c>, "30 min" is <c>Quantity(1800, Time)</c>, "C/10" is <c>Quantity(0.1, CRate)</c>.
/// </summary>
public readonly record struct Quantity(double Value, Dimension Dimension)
{
    /// <summary>Parses a quantity string; throws <see cref="FormatException"/> with the reason.</summary>
    public static Quantity Parse(string text) =>
        TryParse(text, out var quantity, out string? error) ? quantity : throw new FormatException(error);

    /// <summary>Parses "4.2 V", "500 mA", "0.1C", "C/10", "2 h", "60 degC" and the like.</summary>
    public static bool TryParse(string? text, out Quantity quantity, [NotNullWhen(false)] out string? error) =>
        QuantityParser.TryParse(text, out quantity, out error);

    /// <summary>Parses a quantity that must have <paramref name="expected"/> as its dimension.</summary>
    public static bool TryParse(string? text, Dimension expected, out Quantity quantity, [NotNullWhen(false)] out string? error)
    {
        if (!TryParse(text, out quantity, out error))
        {
            return false;
        }

        if (quantity.Dimension != expected)
        {
            error = $"expected {DimensionText.DescribeExpected([expected])}, but \"{text!.Trim()}\" is {quantity.Dimension.Describe()}";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Parses a current in amps or as a C-rate and resolves it to amps with <paramref name="nominalCapacityAh"/>
    /// (null when unknown: then a C-rate is an error).
    /// </summary>
    public static bool TryParseCurrentA(string? text, double? nominalCapacityAh, out double currentA, [NotNullWhen(false)] out string? error)
    {
        currentA = 0;
        return TryParse(text, out var quantity, out error) && quantity.TryResolveCurrentA(nominalCapacityAh, out currentA, out error);
    }

    /// <summary>A current in amps; a C-rate times the nominal capacity; any other dimension is an error.</summary>
    public bool TryResolveCurrentA(double? nominalCapacityAh, out double currentA, [NotNullWhen(false)] out string? error)
    {
        currentA = 0;
        switch (Dimension)
        {
            case Dimension.Current:
                currentA = Value;
                error = null;
                return true;
            case Dimension.CRate when nominalCapacityAh is null:
                error = $"{this} is a C-rate, but no nominal capacity is known to turn it into amps";
                return false;
            case Dimension.CRate when !(nominalCapacityAh > 0):
                error = $"{this} is a C-rate, but the nominal capacity {nominalCapacityAh} Ah is not positive";
                return false;
            case Dimension.CRate:
                currentA = DecimalArithmetic.MultiplyByRate(Value, nominalCapacityAh.Value);
                error = null;
                return true;
            default:
                error = $"expected {DimensionText.DescribeExpected([Dimension.Current, Dimension.CRate])}, but \"{this}\" is {Dimension.Describe()}";
                return false;
        }
    }

    /// <summary>Invariant text that <see cref="Parse"/> reads back to the same value: "4.2 V", "0.1C", "1800 s".</summary>
    public override string ToString() => Format(Value, Dimension);

    /// <summary>Formats a base-unit value the way <see cref="ToString"/> does.</summary>
    public static string Format(double value, Dimension dimension)
    {
        string number = value.ToString("R", CultureInfo.InvariantCulture);
        return dimension == Dimension.CRate ? number + "C" : $"{number} {dimension.BaseUnit()}";
    }
}
