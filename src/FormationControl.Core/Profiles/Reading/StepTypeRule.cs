namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// What a step type needs and which limits can end it. Future step types (CP, CR, pulse, OCV) add a row here.
/// </summary>
internal sealed record StepTypeRule(
    StepType Type,
    bool UsesCurrent,
    bool UsesVoltage,
    CurrentDirection Direction,
    IReadOnlySet<LimitKind> EndingKinds,
    string EndingText)
{
    private static readonly HashSet<LimitKind> AmountKinds = [LimitKind.Duration, LimitKind.StepCapacityAh, LimitKind.StepEnergyWh];

    private static readonly StepTypeRule[] Rules =
    [
        new(StepType.Rest, false, false, CurrentDirection.None,
            new HashSet<LimitKind> { LimitKind.Duration, LimitKind.VoltageAtLeast, LimitKind.VoltageAtMost }, "time or voltage"),
        new(StepType.ChargeCc, true, false, CurrentDirection.Charge,
            new HashSet<LimitKind>(AmountKinds) { LimitKind.VoltageAtLeast }, "voltage (>=), time, capacity or energy"),
        new(StepType.DischargeCc, true, false, CurrentDirection.Discharge,
            new HashSet<LimitKind>(AmountKinds) { LimitKind.VoltageAtMost }, "voltage (<=), time, capacity or energy"),
        new(StepType.ChargeCccv, true, true, CurrentDirection.Charge,
            new HashSet<LimitKind>(AmountKinds) { LimitKind.CurrentAtMost }, "current (<=), time, capacity or energy"),
        new(StepType.DischargeCccv, true, true, CurrentDirection.Discharge,
            new HashSet<LimitKind>(AmountKinds) { LimitKind.CurrentAtMost }, "current (<=), time, capacity or energy"),
        new(StepType.Cv, false, true, CurrentDirection.Either,
            new HashSet<LimitKind>(AmountKinds) { LimitKind.CurrentAtMost }, "current (<=), time, capacity or energy"),
    ];

    public string Name => ProfileJsonNames.Of(Type);

    public static StepTypeRule For(StepType type) => Rules.Single(r => r.Type == type);

    /// <summary>Why a limit of <paramref name="kind"/> cannot end this step type in a useful way.</summary>
    public string WhyNotEnding(LimitKind kind)
    {
        string cause = (Type, kind) switch
        {
            (StepType.Rest, _) => "no current flows in a rest step, so this limit would end it at once or never",
            (StepType.ChargeCc, LimitKind.VoltageAtMost) => "the voltage rises during a chargeCc step, so a '<=' voltage limit would end it at once; use '>='",
            (StepType.DischargeCc, LimitKind.VoltageAtLeast) => "the voltage falls during a dischargeCc step, so a '>=' voltage limit would end it at once; use '<='",
            (StepType.ChargeCc or StepType.DischargeCc, _) => $"the current is constant in a {Name} step, so a current limit would end it at once or never",
            _ => $"the voltage is held at the setpoint in a {Name} step, so a voltage limit cannot end it",
        };
        return $"{cause}; a {Name} step ends on {EndingText}";
    }

    /// <summary>Why a step of this type has no current field.</summary>
    public string NoCurrentReason => Type switch
    {
        StepType.Cv => "a cv step holds a voltage and takes no current setpoint (the cell's maximum current applies); end it with a limit such as { \"current\": \"<= C/50\" }",
        _ => $"a {Name} step takes no current",
    };

    /// <summary>Why a step of this type has no voltage field.</summary>
    public string NoVoltageReason => Type switch
    {
        StepType.ChargeCc => "a chargeCc step has no voltage setpoint; stop at a voltage with a limit such as { \"voltage\": \">= 4.2 V\" }, or use chargeCccv to hold it",
        StepType.DischargeCc => "a dischargeCc step has no voltage setpoint; stop at a voltage with a limit such as { \"voltage\": \"<= 3.0 V\" }, or use dischargeCccv to hold it",
        _ => $"a {Name} step takes no voltage",
    };
}
