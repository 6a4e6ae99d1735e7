using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Operations;

/// <summary>Builds a batch start the way a technician gives it: a channel list ("1-8,12") and a tray file.</summary>
public static class TrayStart
{
    /// <summary>
    /// The start request, or every problem found in the channel list and the tray file. Tray positions outside the
    /// chosen channels are ignored; chosen channels without a cell stay in the request so they are refused ("no cell").
    /// </summary>
    public static (StartRequest? Request, IReadOnlyList<string> Problems) Create(
        ProfileLoadResult profile, string channels, string trayPath, int channelCount, bool engineering = false, string? lot = null)
    {
        var problems = new List<string>();
        if (!ChannelRanges.TryParse(channels, channelCount, out var chosen, out string? rangeError))
        {
            problems.Add($"--channels: {rangeError}");
        }

        var (cells, trayProblems) = TrayFile.Load(trayPath);
        problems.AddRange(trayProblems);
        if (cells is not null)
        {
            problems.AddRange(cells.Keys.Where(p => p > channelCount).Order()
                .Select(p => $"{trayPath}: position {p} is outside the rack's channels 1 to {channelCount}"));
        }

        return problems.Count > 0 || chosen is null || cells is null
            ? (null, problems)
            : (new StartRequest(profile, chosen, cells, engineering, lot), problems);
    }
}
