using FormationControl.Controller.Recovery;
using FormationControl.Controller.Tests.Support;
using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Tests.Recovery;

public class StoredProfileReaderTests
{
    public static TheoryData<string> Samples =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "profiles"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).OfType<string>()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_profile_comes_back_from_its_canonical_text_with_its_hash(string name)
    {
        var loaded = ProfileLoader.LoadFile(Path.Combine(RepositoryPaths.Root, "profiles", name));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var profile = loaded.Profile;
        var stored = StoredProfileReader.ToRecord(profile, DateTimeOffset.UnixEpoch);

        var read = StoredProfileReader.Read(stored.CanonicalText, stored.ProfileHash);

        Assert.Equal(profile.Hash, read.Hash);
        Assert.Equal(ProfileHash.CanonicalText(profile), ProfileHash.CanonicalText(read));
        Assert.Equal(profile.Steps.Count, read.Steps.Count);
        Assert.Equal(profile.Steps.Select(s => (s.Type, s.Label, s.Loop, s.PowerW)), read.Steps.Select(s => (s.Type, s.Label, s.Loop, s.PowerW)));
    }

    [Fact]
    public void A_profile_that_resumes_after_a_comm_loss_comes_back_with_that_policy()
    {
        var profile = TestProfiles.Parse(TestProfiles.TwoStepJson.Replace("\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"72 h\", \"onCommLoss\": \"resume\"", StringComparison.Ordinal));
        var stored = StoredProfileReader.ToRecord(profile, DateTimeOffset.UnixEpoch);

        var read = StoredProfileReader.Read(stored.CanonicalText, stored.ProfileHash);

        Assert.True(read.Safety.ResumeAfterCommLoss);
        Assert.Equal(profile.Hash, read.Hash);
    }

    [Fact]
    public void A_text_that_does_not_hash_to_its_key_is_refused()
    {
        var stored = StoredProfileReader.ToRecord(TestProfiles.TwoStep, DateTimeOffset.UnixEpoch);
        string edited = stored.CanonicalText.Replace("\"test-two-step\"", "\"test-two-stepx\"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => StoredProfileReader.Read(edited, stored.ProfileHash));
        Assert.Contains($"stored profile {stored.ProfileHash[..12]} hashes to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_that_is_not_a_canonical_profile_is_refused_with_the_problem()
    {
        var error = Assert.Throws<InvalidDataException>(() => StoredProfileReader.Read("{\"format\":\"formationcontrol.profile/9\"}", "abc"));
        Assert.Contains("format 'formationcontrol.profile/9'", error.Message, StringComparison.Ordinal);
    }
}
