using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>What reading a step needs from the rest of the profile. Cell and safety are null when their sections are wrong.</summary>
internal sealed record StepContext(
    double? NominalCapacityAh,
    CellSpec? Cell,
    SafetyLimits? Safety,
    IReadOnlyCollection<string> Labels,
    DiagnosticList Diagnostics);
