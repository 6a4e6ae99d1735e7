namespace FormationControl.Core.Profiles.Reading;

/// <summary>What a runnable step type needs and which limits can end it. Control steps (loop, label, end) have no rule.</summary>
internal sealed record StepTypeRule(
    StepType Type,
    StepSetpoints Setpoints,
    CurrentDirection Direction,
    IReadOnlySet<LimitKind> EndingKinds,
    string EndingText)
{
    private static readonly LimitKind[] AmountKinds = [LimitKind.Duration, LimitKind.StepCapacityAh, LimitKind.StepEnergyWh, LimitKind.TemperatureAtLeast];

    private static readonly LimitKind[] RestKinds =
        [LimitKind.Duration, LimitKind.VoltageAtLeast, LimitKind.VoltageAtMost, LimitKind.VoltageRateAtMost, LimitKind.TemperatureAtLeast, LimitKind.TemperatureAtMost];

    private const string AmountText = "time, capacity, energy or temperature (>=)";

    private static readonly StepTypeRule[] Rules =
    [
        new(StepType.Rest, StepSetpoints.None, CurrentDirection.None, Kinds(RestKinds), "time, voltage, dV/dt (<=) or temperature"),
        new(StepType.ChargeCc, StepSetpoints.Current, CurrentDirection.Charge,
            Kinds(AmountKinds, LimitKind.VoltageAtLeast, LimitKind.VoltageRateAtLeast), $"voltage (>=), dV/dt (>=), {AmountText}"),
        new(StepType.DischargeCc, StepSetpoints.Current, CurrentDirection.Discharge,
            Kinds(AmountKinds, LimitKind.VoltageAtMost, LimitKind.VoltageRateAtLeast), $"voltage (<=), dV/dt (>=), {AmountText}"),
        new(StepType.ChargeCccv, StepSetpoints.Current | StepSetpoints.Voltage, CurrentDirection.Charge,
            Kinds(AmountKinds, LimitKind.CurrentAtMost), $"current (<=), {AmountText}"),
        new(StepType.DischargeCccv, StepSetpoints.Current | StepSetpoints.Voltage, CurrentDirection.Discharge,
            Kinds(AmountKinds, LimitKind.CurrentAtMost), $"current (<=), {AmountText}"),
        new(StepType.Cv, StepSetpoints.Voltage, CurrentDirection.Either, Kinds(AmountKinds, LimitKind.CurrentAtMost), $"current (<=), {AmountText}"),
        new(StepType.ChargeCp, StepSetpoints.Power, CurrentDirection.Charge,
            Kinds(AmountKinds, LimitKind.VoltageAtLeast, LimitKind.VoltageRateAtLeast), $"voltage (>=), dV/dt (>=), {AmountText}"),
        new(StepType.DischargeCp, StepSetpoints.Power, CurrentDirection.Discharge,
            Kinds(AmountKinds, LimitKind.VoltageAtMost, LimitKind.VoltageRateAtLeast), $"voltage (<=), dV/dt (>=), {AmountText}"),
        new(StepType.DischargeCr, StepSetpoints.Resistance, CurrentDirection.Discharge,
            Kinds(AmountKinds, LimitKind.VoltageAtMost, LimitKind.CurrentAtMost, LimitKind.VoltageRateAtLeast), $"voltage (<=), current (<=), dV/dt (>=), {AmountText}"),
        new(StepType.Pulse, StepSetpoints.Levels, CurrentDirection.Either,
            Kinds([LimitKind.VoltageAtLeast, LimitKind.VoltageAtMost, LimitKind.TemperatureAtLeast]), "its last level; limits on voltage or temperature (>=) can stop it early"),
        new(StepType.Ocv, StepSetpoints.None, CurrentDirection.None, Kinds(RestKinds), "time, voltage, dV/dt (<=) or temperature"),
    ];

    public string Name => ProfileJsonNames.Of(Type);

    public bool Uses(StepSetpoints setpoint) => (Setpoints & setpoint) != 0;

    /// <summary>Whether a step of this type needs at least one limit to end (all but pulse, which ends after its levels).</summary>
    public bool NeedsLimit => Type != StepType.Pulse;

    /// <summary>True when current flows (so the cell warms and the voltage moves).</summary>
    public bool DrivesCurrent => Direction != CurrentDirection.None;

    /// <summary>The rule of a runnable type; null for control steps.</summary>
    public static StepTypeRule? For(StepType type) => Rules.SingleOrDefault(r => r.Type == type);

    /// <summary>Why a limit of <paramref name="kind"/> cannot end this step type in a useful way.</summary>
    public string WhyNotEnding(LimitKind kind)
    {
        string cause = (Type, kind) switch
        {
            (StepType.Pulse, _) => "a pulse step ends after its last level; its limits only guard it, on voltage or temperature (>=)",
            (StepType.Rest or StepType.Ocv, LimitKind.VoltageRateAtLeast) => $"the voltage only settles in a {Name} step, so a '>=' dV/dt limit would end it at once or never; use '<='",
            (StepType.Rest or StepType.Ocv, _) => $"no current flows in a {Name} step, so this limit would end it at once or never",
            (_, LimitKind.TemperatureAtMost) => $"the cell warms while current flows in a {Name} step, so a '<=' temperature limit would end it at once or never; use '>='",
            (StepType.ChargeCc or StepType.ChargeCp, LimitKind.VoltageAtMost) => $"the voltage rises during a {Name} step, so a '<=' voltage limit would end it at once; use '>='",
            (StepType.DischargeCc or StepType.DischargeCp or StepType.DischargeCr, LimitKind.VoltageAtLeast) => $"the voltage falls during a {Name} step, so a '>=' voltage limit would end it at once; use '<='",
            (StepType.ChargeCc or StepType.DischargeCc or StepType.ChargeCp or StepType.DischargeCp or StepType.DischargeCr, LimitKind.VoltageRateAtMost) =>
                $"the voltage moves slowly on the plateau of a {Name} step, so a '<=' dV/dt limit would end it early; use '>=' to catch the knee",
            (StepType.ChargeCc or StepType.DischargeCc, _) => $"the current is constant in a {Name} step, so a current limit would end it at once or never",
            (StepType.ChargeCp or StepType.DischargeCp, _) => $"the power is held in a {Name} step and the current follows from it; end it on voltage, time, capacity or energy",
            _ => $"the voltage is held at the setpoint in a {Name} step, so a voltage or dV/dt limit cannot end it",
        };
        return $"{cause}; a {Name} step ends on {EndingText}";
    }

    /// <summary>Why a step of this type has no field for <paramref name="setpoint"/>.</summary>
    public string WhyNot(StepSetpoints setpoint) => (Type, setpoint) switch
    {
        (StepType.Cv, StepSetpoints.Current) => "a cv step holds a voltage and takes no current setpoint (the cell's maximum current applies); end it with a limit such as { \"current\": \"<= C/50\" }",
        (StepType.ChargeCc, StepSetpoints.Voltage) => "a chargeCc step has no voltage setpoint; stop at a voltage with a limit such as { \"voltage\": \">= 4.2 V\" }, or use chargeCccv to hold it",
        (StepType.DischargeCc, StepSetpoints.Voltage) => "a dischargeCc step has no voltage setpoint; stop at a voltage with a limit such as { \"voltage\": \"<= 3.0 V\" }, or use dischargeCccv to hold it",
        (StepType.Pulse, StepSetpoints.Current) => "a pulse step takes its currents from 'levels', e.g. [ { \"discharge\": \"1C\", \"duration\": \"10 s\" }, { \"rest\": \"40 s\" } ]",
        (_, StepSetpoints.Power) => $"a {Name} step takes no power; constant power is chargeCp or dischargeCp",
        (_, StepSetpoints.Resistance) => $"a {Name} step takes no resistance; constant resistance is dischargeCr",
        (_, StepSetpoints.Levels) => $"a {Name} step takes no levels; pulse levels belong to a pulse step",
        (_, StepSetpoints.Current) => $"a {Name} step takes no current",
        _ => $"a {Name} step takes no voltage",
    };

    /// <summary>Why a missing setpoint is needed, e.g. "(a chargeCc step runs at a set current, e.g. "C/10" or "10 A")".</summary>
    public string WhyNeeded(StepSetpoints setpoint) => setpoint switch
    {
        StepSetpoints.Current => $"(a {Name} step runs at a set current, e.g. \"C/10\" or \"10 A\")",
        StepSetpoints.Voltage => $"(the voltage a {Name} step holds, e.g. \"4.2 V\")",
        StepSetpoints.Power => $"(a {Name} step runs at a set power, e.g. \"50 W\")",
        StepSetpoints.Resistance => $"(the load a {Name} step draws through, e.g. \"0.5 Ohm\")",
        _ => "(the pulse levels, e.g. [ { \"discharge\": \"1C\", \"duration\": \"10 s\" }, { \"rest\": \"40 s\" } ])",
    };

    private static HashSet<LimitKind> Kinds(IEnumerable<LimitKind> kinds, params LimitKind[] more) => [.. kinds, .. more];
}
