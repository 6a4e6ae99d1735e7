namespace FormationControl.Core.Profiles;

/// <summary>
/// The names profile files (and the canonical hash text) use for enum values. Spelled out rather than derived
/// from the C# names so that renaming a member can never change a file format or a hash.
/// </summary>
public static class ProfileJsonNames
{
    /// <summary>The step type names a file may use, in declaration order (every type but the generated loopEnd).</summary>
    public static IReadOnlyList<string> StepTypes { get; } =
        [.. Enum.GetValues<StepType>().Where(t => t != StepType.LoopEnd).Select(Of)];

    /// <summary>"rest", "chargeCc", "dischargeCc", "chargeCccv", "dischargeCccv", "cv", "chargeCp", "dischargeCp", "dischargeCr", "pulse", "ocv", "loop", "loopEnd", "label", "end".</summary>
    public static string Of(StepType type) => type switch
    {
        StepType.Rest => "rest",
        StepType.ChargeCc => "chargeCc",
        StepType.DischargeCc => "dischargeCc",
        StepType.ChargeCccv => "chargeCccv",
        StepType.DischargeCccv => "dischargeCccv",
        StepType.Cv => "cv",
        StepType.ChargeCp => "chargeCp",
        StepType.DischargeCp => "dischargeCp",
        StepType.DischargeCr => "dischargeCr",
        StepType.Pulse => "pulse",
        StepType.Ocv => "ocv",
        StepType.Loop => "loop",
        StepType.LoopEnd => "loopEnd",
        StepType.Label => "label",
        StepType.End => "end",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>"voltageAtLeast", "voltageAtMost", "currentAtMost", "duration", "stepCapacityAh", "stepEnergyWh", "voltageRateAtMost", "voltageRateAtLeast", "temperatureAtLeast", "temperatureAtMost".</summary>
    public static string Of(LimitKind kind) => kind switch
    {
        LimitKind.VoltageAtLeast => "voltageAtLeast",
        LimitKind.VoltageAtMost => "voltageAtMost",
        LimitKind.CurrentAtMost => "currentAtMost",
        LimitKind.Duration => "duration",
        LimitKind.StepCapacityAh => "stepCapacityAh",
        LimitKind.StepEnergyWh => "stepEnergyWh",
        LimitKind.VoltageRateAtMost => "voltageRateAtMost",
        LimitKind.VoltageRateAtLeast => "voltageRateAtLeast",
        LimitKind.TemperatureAtLeast => "temperatureAtLeast",
        LimitKind.TemperatureAtMost => "temperatureAtMost",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>"next", "end", "fault", "goto".</summary>
    public static string Of(LimitAction action) => action switch
    {
        LimitAction.Next => "next",
        LimitAction.End => "end",
        LimitAction.Fault => "fault",
        LimitAction.Goto => "goto",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The step type called <paramref name="name"/> (case-sensitive); loopEnd is not one a file can name.</summary>
    public static bool TryParseStepType(string name, out StepType type)
    {
        foreach (var candidate in Enum.GetValues<StepType>())
        {
            if (candidate != StepType.LoopEnd && Of(candidate) == name)
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
