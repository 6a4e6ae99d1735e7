using System.Text.Json;
using FormationControl.Core.Quantities;

namespace FormationControl.Core.Json;

/// <summary>Reads typed values out of <see cref="JsonSourceNode"/>s, reporting what is wrong and where.</summary>
internal static class JsonValueReader
{
    /// <summary>A non-empty string, or null (reported). A null <paramref name="node"/> was reported missing already.</summary>
    public static string? ReadString(JsonSourceNode? node, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonSourceScalar { Kind: JsonValueKind.String } scalar)
        {
            diagnostics.Report(node, $"expected a string, not {node.KindDescription}");
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Text))
        {
            diagnostics.Report(node, "must not be empty");
            return null;
        }

        return scalar.Text;
    }

    /// <summary>A quantity of one of <paramref name="allowed"/> dimensions, or null (reported).</summary>
    public static Quantity? ReadQuantity(JsonSourceNode? node, DiagnosticList diagnostics, params Dimension[] allowed)
    {
        if (node is null)
        {
            return null;
        }

        string expected = DimensionText.DescribeExpected(allowed);
        if (node is JsonSourceScalar { Kind: JsonValueKind.Number } number)
        {
            string what = string.Join(" or ", allowed.Select(d => d.Describe()));
            diagnostics.Report(node, $"a bare number has no unit; write {what} as a string, e.g. \"{number.Text} {allowed[0].BaseUnit()}\"");
            return null;
        }

        if (node is not JsonSourceScalar { Kind: JsonValueKind.String } text)
        {
            diagnostics.Report(node, $"expected {expected} written as a string, not {node.KindDescription}");
            return null;
        }

        if (!Quantity.TryParse(text.Text, out var quantity, out string? error))
        {
            // A number without its unit: name the unit this field takes rather than guessing.
            bool bare = double.TryParse(text.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
            diagnostics.Report(node, bare ? $"\"{text.Text.Trim()}\" has no unit; write {string.Join(" or ", allowed.Select(d => $"\"{text.Text.Trim()} {d.BaseUnit()}\""))}" : error);
            return null;
        }

        if (!allowed.Contains(quantity.Dimension))
        {
            diagnostics.Report(node, $"expected {expected}, but \"{text.Text.Trim()}\" is {quantity.Dimension.Describe()}");
            return null;
        }

        return quantity;
    }

    /// <summary>A value in the base unit of <paramref name="dimension"/>, or null (reported).</summary>
    public static double? ReadValue(JsonSourceNode? node, Dimension dimension, DiagnosticList diagnostics) =>
        ReadQuantity(node, diagnostics, dimension)?.Value;

    /// <summary>
    /// A current in amps, written in A/mA or as a C-rate resolved with <paramref name="nominalCapacityAh"/>
    /// (null when the capacity is unknown or invalid: a C-rate is then reported).
    /// </summary>
    public static double? ReadCurrentA(JsonSourceNode? node, double? nominalCapacityAh, DiagnosticList diagnostics)
    {
        var quantity = ReadQuantity(node, diagnostics, Dimension.Current, Dimension.CRate);
        return quantity is { } q ? ResolveCurrentA(node!, q, nominalCapacityAh, diagnostics) : null;
    }

    public static double? ResolveCurrentA(JsonSourceNode node, Quantity quantity, double? nominalCapacityAh, DiagnosticList diagnostics)
    {
        if (quantity.TryResolveCurrentA(nominalCapacityAh, out double currentA, out string? error))
        {
            return currentA;
        }

        // Quote the C-rate as written ("C/10"), not as resolved ("0.1C").
        if (quantity.Dimension == Dimension.CRate && node is JsonSourceScalar { Kind: JsonValueKind.String } written)
        {
            string text = written.Text.Trim().TrimStart('>', '<', '=', '≥', '≤').Trim();
            if (Quantity.TryParse(text, out var same, out _) && same == quantity)
            {
                error = error.Replace(quantity.ToString(), text, StringComparison.Ordinal);
            }
        }

        diagnostics.Report(node, nominalCapacityAh is null ? error + " (cell.nominalCapacity is missing or invalid)" : error);
        return null;
    }

    /// <summary>"&gt;= 3.6 V" style bound of one of <paramref name="allowed"/> dimensions, or null (reported).</summary>
    public static QuantityBound? ReadBound(JsonSourceNode node, DiagnosticList diagnostics, params Dimension[] allowed)
    {
        if (node is not JsonSourceScalar { Kind: JsonValueKind.String } text)
        {
            diagnostics.Report(node, $"expected a bound written as a string, e.g. \">= {allowed[0].Example()}\", not {node.KindDescription}");
            return null;
        }

        if (!QuantityBound.TryParse(text.Text, out var bound, out string? error))
        {
            diagnostics.Report(node, error);
            return null;
        }

        if (!allowed.Contains(bound.Quantity.Dimension))
        {
            diagnostics.Report(node, $"expected {DimensionText.DescribeExpected(allowed)}, but \"{bound.Quantity}\" is {bound.Quantity.Dimension.Describe()}");
            return null;
        }

        return bound;
    }

    /// <summary>A strictly positive value, or null after reporting <paramref name="node"/>.</summary>
    public static double? Positive(JsonSourceNode? node, double? value, DiagnosticList diagnostics)
    {
        if (node is null || value is not { } v)
        {
            return null;
        }

        if (v > 0)
        {
            return v;
        }

        diagnostics.Report(node, "must be greater than zero");
        return null;
    }
}
