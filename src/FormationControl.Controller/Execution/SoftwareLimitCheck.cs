using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Execution;

/// <summary>Evaluates a step's software-watched limits against a fresh status.</summary>
public static class SoftwareLimitCheck
{
    /// <summary>The first limit the status has reached, if any.</summary>
    public static StepLimit? FirstReached(IReadOnlyList<StepLimit> limits, in ChannelStatus status)
    {
        foreach (var limit in limits)
        {
            if (Reached(limit, status))
            {
                return limit;
            }
        }

        return null;
    }

    public static bool Reached(StepLimit limit, in ChannelStatus status) => limit.Kind switch
    {
        LimitKind.VoltageAtLeast => status.VoltageV >= limit.Value,
        LimitKind.VoltageAtMost => status.VoltageV <= limit.Value,
        LimitKind.CurrentAtMost => Math.Abs(status.CurrentA) <= limit.Value,
        LimitKind.Duration => status.StepTimeS >= limit.Value,
        LimitKind.StepCapacityAh => Math.Abs(status.StepAh) >= limit.Value,
        LimitKind.StepEnergyWh => Math.Abs(status.StepWh) >= limit.Value,
        _ => false,
    };
}
