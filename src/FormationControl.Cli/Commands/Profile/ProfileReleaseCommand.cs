using System.CommandLine;
using System.Globalization;
using FormationControl.Core.Profiles;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Profile;

/// <summary>
/// <c>fc profile release FILE --by NAME --db PATH</c>: records the profile's hash as released for production, with
/// who and when. Releasing the same hash again keeps the first release and says so. Exit 0 released (or already),
/// 1 invalid profile or usage, 3 the store cannot be opened or written.
/// </summary>
public static class ProfileReleaseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Profile JSON file to release." };
        var by = new Option<string>("--by") { Description = "Who releases it (recorded with the release).", Required = true };
        var db = new Option<string>("--db") { Description = "The controller's store (LiteDB file).", Required = true };
        var command = new Command("release", "Release a profile for production: record its hash with who and when.") { file, by, db };
        command.SetAction(async (ParseResult result, CancellationToken ct) =>
            await RunAsync(result.GetValue(file)!, result.GetValue(by)!, result.GetValue(db)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct).ConfigureAwait(false));
        return command;
    }

    /// <summary>Releases <paramref name="path"/> into the store at <paramref name="dbPath"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string path, string by, string dbPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (string.IsNullOrWhiteSpace(by))
        {
            await error.WriteLineAsync("--by: give the name of the person releasing the profile").ConfigureAwait(false);
            return 1;
        }

        var loaded = ProfileLoader.LoadFile(path);
        if (loaded.Profile is not { } profile)
        {
            await error.WriteLineAsync($"{path}: not released, the profile has {loaded.Diagnostics.Count} problem(s):").ConfigureAwait(false);
            foreach (var problem in loaded.Diagnostics)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            return 1;
        }

        try
        {
            await using var store = FormationStore.Open(dbPath, TimeProvider.System);
            var asked = new ProfileReleaseRecord(profile.Hash, profile.Name, profile.Version, by.Trim(), TimeProvider.System.GetUtcNow());
            bool already = store.FindRelease(profile.Hash) is not null;
            var kept = await store.ReleaseProfileAsync(asked, cancellationToken).ConfigureAwait(false);
            string when = kept.ReleasedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            await output.WriteLineAsync(already
                ? $"already released: {kept.ProfileName} {kept.ProfileVersion} (hash {kept.ProfileHash}) by {kept.ReleasedBy} at {when}; the first release is kept"
                : $"released: {kept.ProfileName} {kept.ProfileVersion} (hash {kept.ProfileHash}) by {kept.ReleasedBy} at {when}").ConfigureAwait(false);
            return 0;
        }
        catch (StorageException e)
        {
            await error.WriteLineAsync($"{dbPath}: {e.Message}").ConfigureAwait(false);
            return 3;
        }
    }
}
