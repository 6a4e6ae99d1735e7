namespace FormationControl.Core.Profiles;

/// <summary>
/// The "until" of a loop, checked on the reading that ends each pass through the loop's body (do ... until).
/// <see cref="Kind"/> is <see cref="LimitKind.VoltageAtLeast"/>, <see cref="LimitKind.VoltageAtMost"/>,
/// <see cref="LimitKind.TemperatureAtLeast"/> or <see cref="LimitKind.TemperatureAtMost"/>; <see cref="Value"/> in V or °C.
/// </summary>
public sealed record LoopCondition(LimitKind Kind, double Value)
{
    /// <summary>Whether the condition holds for a reading of <paramref name="voltageV"/> and <paramref name="temperatureC"/>.</summary>
    public bool IsMet(double voltageV, double temperatureC) => Kind switch
    {
        LimitKind.VoltageAtLeast => voltageV >= Value,
        LimitKind.VoltageAtMost => voltageV <= Value,
        LimitKind.TemperatureAtLeast => temperatureC >= Value,
        LimitKind.TemperatureAtMost => temperatureC <= Value,
        _ => false,
    };
}
