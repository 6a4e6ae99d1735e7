using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Grading.Reading;

/// <summary>
/// Reads a value of one grading input in that input's unit (see <see cref="GradeInputNames.UnitOf"/>), or a
/// percentage. K-values are written in mV/day (or mV/h), which the general quantity grammar does not know.
/// </summary>
internal static partial class InputQuantityReader
{
    /// <summary>The value in the input's unit, or in percent (<c>Percent</c> true); null when reported.</summary>
    public static (double Value, bool Percent)? Read(JsonSourceNode node, GradeInput input, DiagnosticList diagnostics)
    {
        if (input == GradeInput.KValue)
        {
            return ReadK(node, diagnostics);
        }

        var dimension = input switch
        {
            GradeInput.Capacity => Dimension.Capacity,
            GradeInput.CoulombicEfficiency => Dimension.Percent,
            GradeInput.Dcir or GradeInput.Acir => Dimension.Resistance,
            _ => Dimension.Voltage,
        };
        var quantity = dimension == Dimension.Percent
            ? ReadQuantity(node, diagnostics, Dimension.Percent)
            : ReadQuantity(node, diagnostics, dimension, Dimension.Percent);
        if (quantity is not { } q)
        {
            return null;
        }

        // A coulombic efficiency is itself in percent: its edges are values, never percent of something.
        return (q.Value, q.Dimension == Dimension.Percent && dimension != Dimension.Percent);
    }

    /// <summary>"0.3 mV/K" or "0.0003 V/K", in V/K; null when reported.</summary>
    public static double? ReadTemperatureCoefficient(JsonSourceNode node, DiagnosticList diagnostics)
    {
        var match = Matched(node, TemperatureCoefficient(), "a temperature coefficient such as \"0.3 mV/K\"", diagnostics);
        return match is null ? null : Number(match) * (match.Groups["unit"].Value == "mV/K" ? 0.001 : 1);
    }

    private static (double Value, bool Percent)? ReadK(JsonSourceNode node, DiagnosticList diagnostics)
    {
        var match = Matched(node, KValueText(), "a K-value such as \"0.5 mV/day\" (or mV/h), or a percentage", diagnostics);
        if (match is null)
        {
            return null;
        }

        return match.Groups["unit"].Value switch
        {
            "%" => (Number(match), true),
            "mV/h" => (Number(match) * 24, false),
            _ => (Number(match), false),
        };
    }

    private static Match? Matched(JsonSourceNode node, Regex pattern, string expected, DiagnosticList diagnostics)
    {
        if (node is not JsonSourceScalar { Kind: JsonValueKind.String } text)
        {
            diagnostics.Report(node, $"expected {expected} written as a string, not {node.KindDescription}");
            return null;
        }

        var match = pattern.Match(text.Text);
        if (!match.Success || !double.IsFinite(Number(match)))
        {
            diagnostics.Report(node, $"\"{text.Text}\" is not {expected}");
            return null;
        }

        return match;
    }

    private static double Number(Match match) => double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<number>[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*(?<unit>mV/day|mV/d|mV/h|%)\s*$")]
    private static partial Regex KValueText();

    [GeneratedRegex(@"^\s*(?<number>[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*(?<unit>mV/K|V/K)\s*$")]
    private static partial Regex TemperatureCoefficient();
}
