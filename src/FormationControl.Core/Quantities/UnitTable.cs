using System.Diagnostics.CodeAnalysis;

namespace FormationControl.Core.Quantities;

/// <summary>Every unit symbol the quantity parser accepts. Symbols are case-sensitive ("mA" is not "MA").</summary>
internal static class UnitTable
{
    private static readonly Dictionary<string, Unit> Units = Build();

    /// <summary>All accepted symbols, for hints.</summary>
    public static IEnumerable<string> Symbols => Units.Keys;

    public static bool TryFind(string symbol, [NotNullWhen(true)] out Unit? unit) => Units.TryGetValue(symbol, out unit);

    private static Dictionary<string, Unit> Build()
    {
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        void Add(Dimension dimension, decimal scale, params string[] symbols)
        {
            foreach (string symbol in symbols)
            {
                units.Add(symbol, new Unit(symbol, dimension, scale));
            }
        }

        Add(Dimension.Voltage, 1m, "V");
        Add(Dimension.Voltage, 0.001m, "mV");
        Add(Dimension.Current, 1m, "A");
        Add(Dimension.Current, 0.001m, "mA");
        Add(Dimension.Current, 0.000001m, "uA", "µA");
        Add(Dimension.CRate, 1m, "C");
        Add(Dimension.Capacity, 1m, "Ah");
        Add(Dimension.Capacity, 0.001m, "mAh");
        Add(Dimension.Energy, 1m, "Wh");
        Add(Dimension.Energy, 0.001m, "mWh");
        Add(Dimension.Energy, 1000m, "kWh");
        Add(Dimension.Power, 1m, "W");
        Add(Dimension.Power, 0.001m, "mW");
        Add(Dimension.Power, 1000m, "kW");
        Add(Dimension.Resistance, 1m, "Ohm", "ohm", "Ω");
        Add(Dimension.Resistance, 0.001m, "mOhm", "mohm", "mΩ");
        Add(Dimension.Resistance, 0.000001m, "uOhm", "µOhm", "µΩ");
        Add(Dimension.Temperature, 1m, "degC", "°C");
        Add(Dimension.Percent, 1m, "%");
        Add(Dimension.Time, 0.001m, "ms");
        Add(Dimension.Time, 1m, "s", "sec", "secs", "second", "seconds");
        Add(Dimension.Time, 60m, "min", "mins", "minute", "minutes");
        Add(Dimension.Time, 3600m, "h", "hr", "hrs", "hour", "hours");
        Add(Dimension.Time, 86400m, "d", "day", "days");
        Add(Dimension.VoltageRate, 1m, "V/s");
        Add(Dimension.VoltageRate, 1m / 60, "V/min");
        Add(Dimension.VoltageRate, 1m / 3600, "V/h");
        Add(Dimension.VoltageRate, 0.001m, "mV/s");
        Add(Dimension.VoltageRate, 0.001m / 60, "mV/min");
        Add(Dimension.VoltageRate, 0.001m / 3600, "mV/h");
        Add(Dimension.VoltageRate, 0.000001m, "uV/s", "µV/s");
        return units;
    }
}
