namespace FormationControl.Simulator.Meter;

/// <summary>
/// Matches a command header against an SCPI pattern such as <c>ROUTe:CLOSe?</c> or <c>SYSTem:ERRor[:NEXT]?</c>:
/// each node in its short form (the capitals) or its long form, in any case; a node in brackets may be left out;
/// a leading colon is allowed.
/// </summary>
internal static class ScpiHeader
{
    public static bool Matches(string header, string pattern)
    {
        bool query = pattern.EndsWith('?');
        if (header.EndsWith('?') != query)
        {
            return false;
        }

        string[] given = header.TrimStart(':').TrimEnd('?').Split(':');
        var nodes = pattern.TrimEnd('?').Replace("[:", ":[", StringComparison.Ordinal).Split(':');
        int g = 0;
        foreach (string node in nodes)
        {
            bool optional = node.StartsWith('[');
            string name = node.Trim('[', ']');
            if (g < given.Length && NodeMatches(given[g], name))
            {
                g++;
            }
            else if (!optional)
            {
                return false;
            }
        }

        return g == given.Length;
    }

    private static bool NodeMatches(string given, string node)
    {
        string shortForm = string.Concat(node.Where(c => !char.IsLower(c)));
        return given.Equals(shortForm, StringComparison.OrdinalIgnoreCase) || given.Equals(node, StringComparison.OrdinalIgnoreCase);
    }
}
