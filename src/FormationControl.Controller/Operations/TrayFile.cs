using System.Globalization;

namespace FormationControl.Controller.Operations;

/// <summary>
/// A tray file: CSV lines "position,barcode", position being the rack channel number the cell sits on.
/// A header line "position,barcode" and blank lines are allowed; an empty barcode means the position is empty.
/// </summary>
public static class TrayFile
{
    /// <summary>Barcodes by position, or every problem as "file:line: message".</summary>
    public static (IReadOnlyDictionary<int, string>? Cells, IReadOnlyList<string> Problems) Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [$"{path}: cannot read the tray file: {e.Message}"]);
        }

        return Parse(lines, path);
    }

    public static (IReadOnlyDictionary<int, string>? Cells, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> lines, string source)
    {
        var cells = new Dictionary<int, string>();
        var lineOf = new Dictionary<int, int>();
        var barcodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || (i == 0 && line.StartsWith("position", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            string[] parts = line.Split(',', StringSplitOptions.TrimEntries);
            string at = $"{source}:{i + 1}";
            if (parts.Length != 2)
            {
                problems.Add($"{at}: expected \"position,barcode\", found {parts.Length} field(s)");
            }
            else if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int position) || position < 1)
            {
                problems.Add($"{at}: position '{parts[0]}' is not a channel number (1, 2, ...)");
            }
            else if (lineOf.TryGetValue(position, out int first))
            {
                problems.Add($"{at}: position {position} is already given on line {first}");
            }
            else if (parts[1].Length > 0 && barcodes.TryGetValue(parts[1], out int other))
            {
                problems.Add($"{at}: cell {parts[1]} is already on position {other}");
            }
            else
            {
                lineOf.Add(position, i + 1);
                if (parts[1].Length > 0)
                {
                    cells.Add(position, parts[1]);
                    barcodes.Add(parts[1], position);
                }
            }
        }

        return problems.Count == 0 ? (cells, problems) : (null, problems);
    }
}
