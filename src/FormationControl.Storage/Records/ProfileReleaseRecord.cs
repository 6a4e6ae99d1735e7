namespace FormationControl.Storage;

/// <summary>A profile version released for production: its hash, who released it and when.</summary>
/// <param name="ProfileHash">SHA-256 of the profile's canonical form (what runs record).</param>
/// <param name="ProfileName">The profile's name.</param>
/// <param name="ProfileVersion">The profile's version.</param>
/// <param name="ReleasedBy">Who released it.</param>
/// <param name="ReleasedAt">When.</param>
public sealed record ProfileReleaseRecord(string ProfileHash, string ProfileName, string ProfileVersion, string ReleasedBy, DateTimeOffset ReleasedAt);
