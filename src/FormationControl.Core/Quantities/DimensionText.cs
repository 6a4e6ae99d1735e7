namespace FormationControl.Core.Quantities;

/// <summary>Human wording for dimensions, used in error messages.</summary>
public static class DimensionText
{
    /// <summary>"a voltage", "a current", ...</summary>
    public static string Describe(this Dimension dimension) => dimension switch
    {
        Dimension.Voltage => "a voltage",
        Dimension.Current => "a current",
        Dimension.CRate => "a C-rate",
        Dimension.Time => "a duration",
        Dimension.Capacity => "a capacity",
        Dimension.Energy => "an energy",
        Dimension.Temperature => "a temperature",
        Dimension.Power => "a power",
        Dimension.Resistance => "a resistance",
        Dimension.Percent => "a percentage",
        Dimension.VoltageRate => "a voltage rate (dV/dt)",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>A typical way to write a value of this dimension, e.g. "4.2 V".</summary>
    public static string Example(this Dimension dimension) => dimension switch
    {
        Dimension.Voltage => "4.2 V",
        Dimension.Current => "10 A",
        Dimension.CRate => "C/10",
        Dimension.Time => "30 min",
        Dimension.Capacity => "100 Ah",
        Dimension.Energy => "1.5 Wh",
        Dimension.Temperature => "45 degC",
        Dimension.Power => "50 W",
        Dimension.Resistance => "0.5 mOhm",
        Dimension.Percent => "50 %",
        Dimension.VoltageRate => "1 mV/min",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The symbol of the base unit that <see cref="Quantity.Value"/> is expressed in.</summary>
    public static string BaseUnit(this Dimension dimension) => dimension switch
    {
        Dimension.Voltage => "V",
        Dimension.Current => "A",
        Dimension.CRate => "C",
        Dimension.Time => "s",
        Dimension.Capacity => "Ah",
        Dimension.Energy => "Wh",
        Dimension.Temperature => "degC",
        Dimension.Power => "W",
        Dimension.Resistance => "Ohm",
        Dimension.Percent => "%",
        Dimension.VoltageRate => "V/s",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>"a voltage (e.g. "4.2 V")"; several dimensions are joined with "or".</summary>
    public static string DescribeExpected(IReadOnlyList<Dimension> dimensions) =>
        string.Join(" or ", dimensions.Select(d => $"{d.Describe()} (e.g. \"{d.Example()}\")"));
}
