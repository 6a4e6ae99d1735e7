using System.Diagnostics.CodeAnalysis;

namespace FormationControl.Core.Profiles;

/// <summary>The outcome of loading a profile: the profile when the file had no problem, else every problem found.</summary>
public sealed class ProfileLoadResult(Profile? profile, IReadOnlyList<ProfileDiagnostic> diagnostics)
{
    /// <summary>The profile; null whenever <see cref="Diagnostics"/> is not empty.</summary>
    public Profile? Profile { get; } = diagnostics.Count == 0 ? profile : null;

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ProfileDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>True when the profile loaded without any problem.</summary>
    [MemberNotNullWhen(true, nameof(Profile))]
    public bool Succeeded => Profile is not null;
}
