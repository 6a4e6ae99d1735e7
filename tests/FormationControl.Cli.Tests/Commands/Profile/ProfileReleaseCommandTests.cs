using FormationControl.Cli.Tests.Support;
using FormationControl.Core.Profiles;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Profile;

/// <summary><c>fc profile release</c> as a real process on a real store file.</summary>
public sealed class ProfileReleaseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fc-release-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "profiles", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"profiles/{name} not found above {AppContext.BaseDirectory}");
    }

    [Fact]
    public async Task Releasing_records_hash_who_and_when_and_a_second_release_keeps_the_first()
    {
        string profile = Sample("nmc-100ah-formation.json");
        string db = Path.Combine(_folder, "fc.db");
        string hash = ProfileLoader.LoadFile(profile).Profile!.Hash;

        var first = await FcProcess.RunAsync("profile", "release", profile, "--by", "Erik", "--db", db);
        var second = await FcProcess.RunAsync("profile", "release", profile, "--by", "Tina", "--db", db);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.StartsWith("released: ", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"(hash {hash}) by Erik at ", first.Stdout, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.StartsWith("already released: ", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("by Erik at ", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("the first release is kept", second.Stdout, StringComparison.Ordinal);
        await using var store = FormationStore.Open(db, TimeProvider.System);
        var release = store.FindRelease(hash);
        Assert.NotNull(release);
        Assert.Equal("Erik", release.ReleasedBy);
    }

    [Fact]
    public async Task An_invalid_profile_is_not_released_and_its_problems_are_listed()
    {
        string profile = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(profile, "{ \"name\": \"x\" }");
        string db = Path.Combine(_folder, "fc.db");

        var (code, stdout, stderr) = await FcProcess.RunAsync("profile", "release", profile, "--by", "Erik", "--db", db);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"{profile}: not released, the profile has ", stderr, StringComparison.Ordinal);
        Assert.Contains($"{profile}:1:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_by_the_command_is_a_usage_error()
    {
        var (code, _, stderr) = await FcProcess.RunAsync("profile", "release", Sample("nmc-100ah-formation.json"), "--db", Path.Combine(_folder, "fc.db"));

        Assert.Equal(1, code);
        Assert.Contains("--by", stderr, StringComparison.Ordinal);
    }
}
