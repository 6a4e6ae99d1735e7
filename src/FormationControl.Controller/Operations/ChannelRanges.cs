using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FormationControl.Controller.Operations;

/// <summary>Parses channel lists as technicians write them: "1-8", "1-8,12,20-24".</summary>
public static class ChannelRanges
{
    /// <summary>The channels in ascending order without repeats, or an error naming the bad part.</summary>
    public static bool TryParse(string text, int maxChannel, [NotNullWhen(true)] out IReadOnlyList<int>? channels, [NotNullWhen(false)] out string? error)
    {
        var set = new SortedSet<int>();
        channels = null;
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            string[] ends = raw.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || !TryChannel(ends[0], out int first) || !TryChannel(ends[^1], out int last))
            {
                error = $"'{raw}' is not a channel or a range like 1-8 (in \"{text}\")";
                return false;
            }

            if (first > last || first < 1 || last > maxChannel)
            {
                error = $"'{raw}' is outside the rack's channels 1 to {maxChannel}{(first > last ? " or runs backwards" : string.Empty)}";
                return false;
            }

            for (int c = first; c <= last; c++)
            {
                set.Add(c);
            }
        }

        channels = [.. set];
        error = null;
        return true;
    }

    private static bool TryChannel(string text, out int channel) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out channel);
}
