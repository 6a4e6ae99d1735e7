using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles;

/// <summary>One step of a profile's flat, indexed step list (loops are flattened into marker steps).</summary>
/// <param name="Index">0-based position in <see cref="Profile.Steps"/>.</param>
/// <param name="Label">Optional unique name, the target of gotos and of grading recipes.</param>
/// <param name="Type">How the step drives the channel, or which control step it is.</param>
/// <param name="CurrentA">Current magnitude in A (C-rates resolved); the type gives the direction. Null unless the type runs at a set current.</param>
/// <param name="VoltageV">The CV voltage of CCCV and CV steps; null otherwise.</param>
/// <param name="Limits">What ends the step; the first limit reached wins. Empty for control steps.</param>
/// <param name="Logging">Replaces the profile's logging criteria during this step; null to use the profile's.</param>
public sealed record ProfileStep(
    int Index,
    string? Label,
    StepType Type,
    double? CurrentA,
    double? VoltageV,
    IReadOnlyList<StepLimit> Limits,
    LoggingCriteria? Logging)
{
    /// <summary>Power magnitude in W of <see cref="StepType.ChargeCp"/> and <see cref="StepType.DischargeCp"/> steps; null otherwise.</summary>
    public double? PowerW { get; init; }

    /// <summary>Load resistance in Ω of <see cref="StepType.DischargeCr"/> steps; null otherwise.</summary>
    public double? ResistanceOhm { get; init; }

    /// <summary>The levels of a <see cref="StepType.Pulse"/> step, in order; null otherwise.</summary>
    public IReadOnlyList<PulseLevel>? PulseLevels { get; init; }

    /// <summary>The block a <see cref="StepType.Loop"/> or <see cref="StepType.LoopEnd"/> marker belongs to; null otherwise.</summary>
    public LoopSpec? Loop { get; init; }

    /// <summary>Where the step starts in the source file (for a step written as a string, the string); null when built in code.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>True for loop, loop-end, label and end markers: the sequencer passes through them, no channel runs them.</summary>
    public bool IsControl => Type is StepType.Loop or StepType.LoopEnd or StepType.Label or StepType.End;

    /// <summary>True when the step ends by itself without a limit (a pulse step after its last level).</summary>
    public bool EndsByItself => Type == StepType.Pulse;

    /// <summary>"#3 'charge-1'" or "#3", for messages.</summary>
    public string DisplayName => Label is null ? $"#{Index}" : $"#{Index} '{Label}'";
}
