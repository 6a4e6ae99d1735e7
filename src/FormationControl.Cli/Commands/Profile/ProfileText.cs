using System.Globalization;
using FormationControl.Core.Profiles;

namespace FormationControl.Cli.Commands.Profile;

/// <summary>Short texts for resolved profile values: "4.2 V", "33.333 A", "16 h", "V >= 3.6 V -> next".</summary>
public static class ProfileText
{
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Volts(double value) => $"{Number(value)} V";

    public static string Amps(double value) => $"{Number(value)} A";

    public static string Celsius(double value) => $"{Number(value)} degC";

    /// <summary>In days, hours, minutes or seconds, whichever is whole: "16 h", "30 min", "90 s".</summary>
    public static string Duration(double seconds) => seconds switch
    {
        >= 86400 when seconds % 86400 == 0 => $"{Number(seconds / 86400)} d",
        >= 3600 when seconds % 3600 == 0 => $"{Number(seconds / 3600)} h",
        >= 60 when seconds % 60 == 0 => $"{Number(seconds / 60)} min",
        _ => $"{Number(seconds)} s",
    };

    /// <summary>"V &gt;= 3.6 V -&gt; next", "t &gt;= 16 h -&gt; fault", "|I| &lt;= 2 A -&gt; goto 'top'".</summary>
    public static string Limit(StepLimit limit) => $"{Condition(limit.Kind, limit.Value)} -> {Action(limit)}";

    public static string Condition(LimitKind kind, double value) => kind switch
    {
        LimitKind.VoltageAtLeast => $"V >= {Volts(value)}",
        LimitKind.VoltageAtMost => $"V <= {Volts(value)}",
        LimitKind.CurrentAtMost => $"|I| <= {Amps(value)}",
        LimitKind.Duration => $"t >= {Duration(value)}",
        LimitKind.StepCapacityAh => $"Ah >= {Number(value)} Ah",
        LimitKind.StepEnergyWh => $"Wh >= {Number(value)} Wh",
        LimitKind.VoltageRateAtMost => $"|dV/dt| <= {Number(value * 60000)} mV/min",
        LimitKind.VoltageRateAtLeast => $"|dV/dt| >= {Number(value * 60000)} mV/min",
        LimitKind.TemperatureAtLeast => $"T >= {Celsius(value)}",
        LimitKind.TemperatureAtMost => $"T <= {Celsius(value)}",
        _ => $"{kind} {Number(value)}",
    };

    public static string Action(StepLimit limit) => limit.Action switch
    {
        LimitAction.Goto => $"goto '{limit.GotoLabel}'",
        _ => ProfileJsonNames.Of(limit.Action),
    };

    /// <summary>"every 30 s, dV 5 mV, dI 1 A".</summary>
    public static string Logging(LoggingCriteria logging)
    {
        var parts = new List<string>();
        if (logging.Interval is { } interval)
        {
            parts.Add($"every {Duration(interval.TotalSeconds)}");
        }

        if (logging.DeltaVoltageV is { } dv)
        {
            parts.Add($"dV {Number(dv * 1000)} mV");
        }

        if (logging.DeltaCurrentA is { } di)
        {
            parts.Add($"dI {Amps(di)}");
        }

        return string.Join(", ", parts);
    }
}
