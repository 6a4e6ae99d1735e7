using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Execution;

/// <summary>Evaluates a step's software-watched limits against a fresh status.</summary>
public static class SoftwareLimitCheck
{
    /// <summary>The first limit reached, if any. Time, Ah and Wh come from <paramref name="totals"/>: a pulse step spans several device steps.</summary>
    public static StepLimit? FirstReached(IReadOnlyList<StepLimit> limits, in ChannelStatus status, in StepTotals totals, double? voltsPerSecond)
    {
        foreach (var limit in limits)
        {
            if (Reached(limit, status, totals, voltsPerSecond))
            {
                return limit;
            }
        }

        return null;
    }

    public static bool Reached(StepLimit limit, in ChannelStatus status, in StepTotals totals, double? voltsPerSecond) => limit.Kind switch
    {
        LimitKind.VoltageAtLeast => status.VoltageV >= limit.Value,
        LimitKind.VoltageAtMost => status.VoltageV <= limit.Value,
        LimitKind.CurrentAtMost => Math.Abs(status.CurrentA) <= limit.Value,
        LimitKind.Duration => totals.TimeS >= limit.Value,
        LimitKind.StepCapacityAh => Math.Abs(totals.Ah) >= limit.Value,
        LimitKind.StepEnergyWh => Math.Abs(totals.Wh) >= limit.Value,
        LimitKind.VoltageRateAtMost => voltsPerSecond is { } r && Math.Abs(r) <= limit.Value,
        LimitKind.VoltageRateAtLeast => voltsPerSecond is { } r && Math.Abs(r) >= limit.Value,
        LimitKind.TemperatureAtLeast => status.TemperatureC >= limit.Value,
        LimitKind.TemperatureAtMost => status.TemperatureC <= limit.Value,
        _ => throw new NotSupportedException($"No software check for limit kind {limit.Kind}."),
    };
}
