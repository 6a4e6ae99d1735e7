using System.Globalization;

namespace FormationControl.Core.Quantities;

/// <summary>Short texts for values in messages: "4.2 V", "10 A", "24 h".</summary>
internal static class QuantityText
{
    public static string Volts(double value) => Quantity.Format(value, Dimension.Voltage);

    public static string Amps(double value) => Quantity.Format(value, Dimension.Current);

    public static string Celsius(double value) => Quantity.Format(value, Dimension.Temperature);

    /// <summary>In hours or minutes when that is exact, else seconds.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        _ when seconds >= 3600 && seconds % 3600 == 0 => (seconds / 3600).ToString(CultureInfo.InvariantCulture) + " h",
        _ when seconds >= 60 && seconds % 60 == 0 => (seconds / 60).ToString(CultureInfo.InvariantCulture) + " min",
        _ => Quantity.Format(seconds, Dimension.Time),
    };
}
