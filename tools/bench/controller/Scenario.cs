using System.Globalization;

namespace FormationControl.ControllerBench;

/// <summary>One benchmark setting: <paramref name="Units"/> simulated units of <paramref name="ChannelsPerUnit"/> channels polled every <paramref name="PollInterval"/>.</summary>
internal sealed record Scenario(int Units, int ChannelsPerUnit, TimeSpan PollInterval)
{
    public int Channels => Units * ChannelsPerUnit;

    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Units}x{ChannelsPerUnit}@{FormatInterval(PollInterval)}");

    /// <summary>Parses <c>UNITSxCHANNELS@POLL</c>, e.g. <c>16x64@1s</c> or <c>4x64@100ms</c>.</summary>
    public static bool TryParse(string text, out Scenario scenario, out string error)
    {
        scenario = null!;
        error = $"--scenario '{text}': expected UNITSxCHANNELS@POLL, e.g. 16x64@1s or 4x64@100ms";
        var at = text.Split('@');
        if (at.Length != 2)
        {
            return false;
        }

        var x = at[0].Split('x');
        if (x.Length != 2
            || !int.TryParse(x[0], NumberStyles.None, CultureInfo.InvariantCulture, out int units)
            || !int.TryParse(x[1], NumberStyles.None, CultureInfo.InvariantCulture, out int channels)
            || !TryParseInterval(at[1], out var poll))
        {
            return false;
        }

        if (units is < 1 or > 247 || channels is < 1 or > 256 || poll <= TimeSpan.Zero)
        {
            error = $"--scenario '{text}': 1 to 247 units, 1 to 256 channels per unit, a positive poll interval";
            return false;
        }

        scenario = new Scenario(units, channels, poll);
        return true;
    }

    private static bool TryParseInterval(string text, out TimeSpan interval)
    {
        interval = TimeSpan.Zero;
        (string number, double scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1e-3)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : (text, double.NaN);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(scale))
        {
            return false;
        }

        interval = TimeSpan.FromSeconds(value * scale);
        return true;
    }

    private static string FormatInterval(TimeSpan interval) =>
        interval.TotalSeconds >= 1 && interval.TotalSeconds % 1 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{interval.TotalSeconds:0}s")
            : string.Create(CultureInfo.InvariantCulture, $"{interval.TotalMilliseconds:0}ms");
}
