using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles;

/// <summary>One step of a profile.</summary>
/// <param name="Index">0-based position in <see cref="Profile.Steps"/>.</param>
/// <param name="Label">Optional unique name, the target of gotos and of grading recipes.</param>
/// <param name="Type">How the step drives the channel.</param>
/// <param name="CurrentA">Current magnitude in A (C-rates resolved); the type gives the direction. Null for rest and CV.</param>
/// <param name="VoltageV">The CV voltage of CCCV and CV steps; null otherwise.</param>
/// <param name="Limits">What ends the step; the first limit reached wins.</param>
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
    /// <summary>Where the step's object starts in the source file; null when built in code.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>"#3 'charge-1'" or "#3", for messages.</summary>
    public string DisplayName => Label is null ? $"#{Index}" : $"#{Index} '{Label}'";
}
