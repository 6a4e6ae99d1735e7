using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Execution;

/// <summary>The profile's safety window, checked against every fresh sample.</summary>
public static class SafetyCheck
{
    /// <summary>A description of the first violation, or <c>null</c> when the sample is inside the window.</summary>
    public static string? Violation(SafetyLimits limits, in ChannelStatus status)
    {
        if (status.VoltageV > limits.MaxVoltageV)
        {
            return $"voltage {status.VoltageV:0.0000} V above the safety maximum {limits.MaxVoltageV:0.###} V";
        }

        if (status.VoltageV < limits.MinVoltageV)
        {
            return $"voltage {status.VoltageV:0.0000} V below the safety minimum {limits.MinVoltageV:0.###} V";
        }

        if (Math.Abs(status.CurrentA) > limits.MaxCurrentA)
        {
            return $"current {status.CurrentA:0.000} A beyond the safety maximum {limits.MaxCurrentA:0.###} A";
        }

        if (status.TemperatureC > limits.MaxTemperatureC)
        {
            return $"temperature {status.TemperatureC:0.0} °C above the safety maximum {limits.MaxTemperatureC:0.#} °C";
        }

        return null;
    }
}
