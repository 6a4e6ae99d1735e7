namespace FormationControl.Storage;

public sealed partial class FormationStore
{
    /// <summary>Appends an operator action to the audit trail and returns it with its id once committed.</summary>
    /// <exception cref="StorageException">The commit failed; the action was not recorded.</exception>
    public Task<AuditRecord> RecordAuditAsync(AuditRecord audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        RecordCheck.NotEmpty(audit.Operator, nameof(audit), "Operator");
        RecordCheck.NotEmpty(audit.Role, nameof(audit), "Role");
        RecordCheck.NotEmpty(audit.Action, nameof(audit), "Action");
        RecordCheck.NotEmpty(audit.Target, nameof(audit), "Target");
        RecordCheck.NotEmpty(audit.Detail, nameof(audit), "Detail");
        return Enqueue(new AuditWrite(audit), cancellationToken);
    }

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<AuditRecord> GetAudit() =>
        Read(collections => collections.Audit.FindAll().Select(AuditDocument.ToRecord).OrderBy(a => a.Id).ToList());

    /// <summary>
    /// Records a profile hash as released for production. Releasing a hash again changes nothing: the
    /// first release (who, when) is returned.
    /// </summary>
    public Task<ProfileReleaseRecord> ReleaseProfileAsync(ProfileReleaseRecord release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        RecordCheck.NotEmpty(release.ProfileHash, nameof(release), "ProfileHash");
        RecordCheck.NotEmpty(release.ProfileName, nameof(release), "ProfileName");
        RecordCheck.NotEmpty(release.ProfileVersion, nameof(release), "ProfileVersion");
        RecordCheck.NotEmpty(release.ReleasedBy, nameof(release), "ReleasedBy");
        return Enqueue(new ReleaseWrite(release), cancellationToken);
    }

    /// <summary>The release of a profile hash, or null when it was never released.</summary>
    public ProfileReleaseRecord? FindRelease(string profileHash)
    {
        ArgumentNullException.ThrowIfNull(profileHash);
        return Read(collections => collections.Releases.FindById(profileHash) is { } document ? ReleaseDocument.ToRecord(document) : null);
    }
}
