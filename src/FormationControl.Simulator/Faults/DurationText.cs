using System.Globalization;

namespace FormationControl.Simulator.Faults;

/// <summary>Durations as the fault grammar writes them: a number and a unit (ms, s, m or min, h, d); a bare number is seconds.</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        int split = text.Length;
        while (split > 0 && char.IsLetter(text[split - 1]))
        {
            split--;
        }

        double unit = text[split..] switch
        {
            "" or "s" => 1,
            "ms" => 0.001,
            "m" or "min" => 60,
            "h" => 3600,
            "d" => 86_400,
            _ => double.NaN,
        };
        if (double.IsNaN(unit) || !double.TryParse(text[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value) || value < 0 || value * unit > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }
}
