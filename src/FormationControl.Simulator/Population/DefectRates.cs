using System.Globalization;
using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Population;

/// <summary>
/// The fraction of cells drawn with each defect class. Real lines see defects rarely (well under 1 % each); the
/// library default is none, so tests and the demo get clean batches unless they ask.
/// </summary>
public sealed record DefectRates
{
    /// <summary>No defects.</summary>
    public static DefectRates None { get; } = new();

    /// <summary>A plausible production mix: 0.5 % micro-shorts, 0.5 % high resistance, 0.1 % dead, 0.3 % poor contact.</summary>
    public static DefectRates Production { get; } = new() { MicroShort = 0.005, HighResistance = 0.005, Dead = 0.001, PoorContact = 0.003 };

    public double MicroShort { get; init; }

    public double HighResistance { get; init; }

    public double Dead { get; init; }

    public double PoorContact { get; init; }

    /// <summary>All rates together.</summary>
    public double Total => MicroShort + HighResistance + Dead + PoorContact;

    /// <summary>The class for a uniform draw u in [0, 1): the rates laid end to end.</summary>
    public CellDefect ClassFor(double u)
    {
        if (u < MicroShort)
        {
            return CellDefect.MicroShort;
        }

        u -= MicroShort;
        if (u < HighResistance)
        {
            return CellDefect.HighResistance;
        }

        u -= HighResistance;
        if (u < Dead)
        {
            return CellDefect.Dead;
        }

        u -= Dead;
        return u < PoorContact ? CellDefect.PoorContact : CellDefect.None;
    }

    /// <summary>
    /// Parses <c>name=rate,...</c> with names <c>micro-short</c>, <c>high-resistance</c>, <c>dead</c>,
    /// <c>poor-contact</c>; a rate is a fraction (0.005) or a percentage (0.5%). Unnamed classes are 0; <c>none</c> is
    /// no defects.
    /// </summary>
    public static bool TryParse(string text, out DefectRates rates, out string error)
    {
        rates = None;
        error = "";
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "none")
        {
            return true;
        }

        var result = new DefectRates();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = raw.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"defect rates: '{raw}' is not name=rate (e.g. micro-short=0.5%)";
                return false;
            }

            string name = raw[..eq].Trim();
            if (!TryParseRate(raw[(eq + 1)..].Trim(), out double rate))
            {
                error = $"defect rates: '{raw}': the rate must be a fraction from 0 to 1 or a percentage (e.g. 0.005 or 0.5%)";
                return false;
            }

            switch (name)
            {
                case "micro-short":
                    result = result with { MicroShort = rate };
                    break;
                case "high-resistance":
                    result = result with { HighResistance = rate };
                    break;
                case "dead":
                    result = result with { Dead = rate };
                    break;
                case "poor-contact":
                    result = result with { PoorContact = rate };
                    break;
                default:
                    error = $"defect rates: unknown class '{name}' (use micro-short, high-resistance, dead, poor-contact)";
                    return false;
            }
        }

        if (result.Total > 1)
        {
            error = $"defect rates: together they exceed 1 ({result.Total})";
            return false;
        }

        rates = result;
        return true;
    }

    internal void Validate()
    {
        double[] all = [MicroShort, HighResistance, Dead, PoorContact];
        if (all.Any(r => !(r >= 0 && r <= 1)) || Total > 1)
        {
            throw new ArgumentException($"Defect rates must each be in [0, 1] and sum to at most 1 (got {MicroShort}, {HighResistance}, {Dead}, {PoorContact}).");
        }
    }

    private static bool TryParseRate(string text, out double rate)
    {
        bool percent = text.EndsWith('%');
        bool ok = double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out rate);
        if (percent)
        {
            rate /= 100;
        }

        return ok && rate is >= 0 and <= 1;
    }
}
