namespace FormationControl.Storage;

/// <summary>Stores a profile's canonical text under its hash unless that hash is stored already (then that copy is returned).</summary>
internal sealed class ProfileWrite(StoredProfileRecord profile) : PendingWrite<StoredProfileRecord>
{
    protected override StoredProfileRecord Execute(StoreCollections collections)
    {
        if (collections.Profiles.FindById(profile.ProfileHash) is { } existing)
        {
            return ProfileDocument.ToRecord(existing);
        }

        collections.Profiles.Insert(ProfileDocument.From(profile));
        return profile;
    }
}
