namespace FormationControl.Storage;

/// <summary>Records a profile hash as released; a hash released before keeps its first release (who and when).</summary>
internal sealed class ReleaseWrite(ProfileReleaseRecord release) : PendingWrite<ProfileReleaseRecord>
{
    protected override ProfileReleaseRecord Execute(StoreCollections collections)
    {
        if (collections.Releases.FindById(release.ProfileHash) is { } existing)
        {
            return ReleaseDocument.ToRecord(existing);
        }

        collections.Releases.Insert(ReleaseDocument.From(release));
        return release;
    }
}
