using System.Globalization;
using System.Text.Json;
using FormationControl.Core.Json;
using FormationControl.Core.Quantities;

namespace FormationControl.Controller.Configuration;

/// <summary>Typed values of a rack configuration, each problem reported where it is written.</summary>
internal static class ConfigValues
{
    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or null (reported).</summary>
    public static int? ReadInt(JsonSourceNode? node, int min, int max, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonSourceScalar { Kind: JsonValueKind.Number } number
            || !int.TryParse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            diagnostics.Report(node, $"expected a whole number from {min} to {max}, not {Describe(node)}");
            return null;
        }

        if (value < min || value > max)
        {
            diagnostics.Report(node, $"{value} is out of range; expected {min} to {max}");
            return null;
        }

        return value;
    }

    /// <summary>A positive duration written with its unit ("500 ms", "1 s"), or null (reported).</summary>
    public static TimeSpan? ReadDuration(JsonSourceNode? node, DiagnosticList diagnostics)
    {
        double? seconds = JsonValueReader.Positive(node, JsonValueReader.ReadValue(node, Dimension.Time, diagnostics), diagnostics);
        return seconds is { } s ? TimeSpan.FromSeconds(s) : null;
    }

    /// <summary>Resolves a file path written in the configuration against the configuration's folder.</summary>
    public static string ResolvePath(string written, string baseDirectory) =>
        Path.GetFullPath(Path.IsPathRooted(written) ? written : Path.Combine(baseDirectory, written));

    private static string Describe(JsonSourceNode node) =>
        node is JsonSourceScalar { Kind: JsonValueKind.Number } n ? n.Text : node.KindDescription;
}
