namespace FormationControl.Storage;

/// <summary>
/// A profile kept in the store by its hash, so that a restarted controller can continue a run without the
/// profile's file. Written when a run of it starts; the first copy of a hash stays.
/// </summary>
/// <param name="ProfileHash">SHA-256 of <paramref name="CanonicalText"/> (what runs record).</param>
/// <param name="ProfileName">The profile's name.</param>
/// <param name="ProfileVersion">The profile's version.</param>
/// <param name="CanonicalText">The profile's canonical JSON text (its hashed form).</param>
/// <param name="StoredAt">When it was first stored.</param>
public sealed record StoredProfileRecord(string ProfileHash, string ProfileName, string ProfileVersion, string CanonicalText, DateTimeOffset StoredAt);
