namespace FormationControl.Storage;

// What a controller needs to continue its runs after a restart: each running run's latest checkpoint and the
// profiles the runs were started with.
public sealed partial class FormationStore
{
    /// <summary>
    /// Replaces the run's checkpoint. Queued like a step result: it is committed with the records and samples queued
    /// before it (the same transaction when they arrive together). Returns false, storing nothing, when the run has
    /// already ended (its checkpoint was deleted with its end).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The run does not exist.</exception>
    /// <exception cref="StorageException">The commit failed; the checkpoint was not stored.</exception>
    public Task<bool> SaveCheckpointAsync(RunCheckpointRecord checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        RecordCheck.NotEmpty(checkpoint.Content, nameof(checkpoint), "Content");
        return Enqueue(new CheckpointWrite(checkpoint, FilePath), cancellationToken);
    }

    /// <summary>The run's committed checkpoint, or null (never saved, or the run has ended).</summary>
    public RunCheckpointRecord? FindCheckpoint(long runId) =>
        Read(collections => collections.Checkpoints.FindById(runId) is { } document ? CheckpointDocument.ToRecord(document) : null);

    /// <summary>
    /// Stores a profile's canonical text under its hash. Storing a hash again changes nothing: the first copy is returned.
    /// </summary>
    /// <exception cref="StorageException">The commit failed; the profile was not stored.</exception>
    public Task<StoredProfileRecord> SaveProfileAsync(StoredProfileRecord profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        RecordCheck.NotEmpty(profile.ProfileHash, nameof(profile), "ProfileHash");
        RecordCheck.NotEmpty(profile.ProfileName, nameof(profile), "ProfileName");
        RecordCheck.NotEmpty(profile.ProfileVersion, nameof(profile), "ProfileVersion");
        RecordCheck.NotEmpty(profile.CanonicalText, nameof(profile), "CanonicalText");
        return Enqueue(new ProfileWrite(profile), cancellationToken);
    }

    /// <summary>The stored profile with <paramref name="profileHash"/>, or null.</summary>
    public StoredProfileRecord? FindProfile(string profileHash)
    {
        ArgumentNullException.ThrowIfNull(profileHash);
        return Read(collections => collections.Profiles.FindById(profileHash) is { } document ? ProfileDocument.ToRecord(document) : null);
    }
}
