using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Configuration;

/// <summary>A rack configuration, or every problem found in it (file:line:column, JSON path, message).</summary>
public sealed class RackConfigLoadResult(RackConfig? config, IReadOnlyList<ProfileDiagnostic> diagnostics)
{
    /// <summary>The configuration; null when there is any problem.</summary>
    public RackConfig? Config { get; } = diagnostics.Count == 0 ? config : null;

    public IReadOnlyList<ProfileDiagnostic> Diagnostics { get; } = diagnostics;

    public bool Succeeded => Config is not null;
}
