using FormationControl.Cli.Commands.Api;
using FormationControl.Controller.Operations;
using FormationControl.Core.Profiles;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>
/// Turns a <see cref="StartBody"/> into a <see cref="StartRequest"/>, or the problems that keep it from being one
/// (no profile given, a bad channel list, a bad tray). A profile with problems still makes a request: every channel
/// is then refused as "profile invalid" and that is audited.
/// </summary>
internal static class StartBodyReader
{
    public static (StartRequest? Request, IReadOnlyList<string> Problems) Read(StartBody body, int channelCount)
    {
        var problems = new List<string>();
        ProfileLoadResult? profile = (body.ProfileText, body.Profile) switch
        {
            ({ } text, _) => ProfileLoader.Parse(text, body.ProfileSource ?? "profile"),
            (null, { } path) => ProfileLoader.LoadFile(path),
            _ => null,
        };
        if (profile is null)
        {
            problems.Add("\"profile\" (a path on the server) or \"profileText\" (the profile's JSON) is required");
        }

        IReadOnlyList<int>? channels = null;
        if (string.IsNullOrWhiteSpace(body.Channels))
        {
            problems.Add("\"channels\": give the rack channels, like \"1-64\"");
        }
        else if (!ChannelRanges.TryParse(body.Channels, channelCount, out channels, out string? rangeError))
        {
            problems.Add($"\"channels\": {rangeError}");
        }

        var (cells, trayProblems) = ReadCells(body);
        problems.AddRange(trayProblems);
        if (cells is not null)
        {
            problems.AddRange(cells.Keys.Where(p => p < 1 || p > channelCount).Order()
                .Select(p => $"cell position {p} is outside the rack's channels 1 to {channelCount}"));
        }

        return problems.Count > 0 || profile is null || channels is null || cells is null
            ? (null, problems)
            : (new StartRequest(profile, channels, cells, body.Engineering, body.Lot), problems);
    }

    private static (IReadOnlyDictionary<int, string>? Cells, IReadOnlyList<string> Problems) ReadCells(StartBody body)
    {
        if (body.Cells is { } cells)
        {
            return (cells.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value.Trim()), []);
        }

        return body.Tray is { } tray
            ? TrayFile.Load(tray)
            : (null, ["\"tray\" (a tray file path on the server) or \"cells\" (position → barcode) is required"]);
    }
}
