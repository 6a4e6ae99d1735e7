using System.Globalization;
using System.Text.Json;
using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Grading.Reading;

/// <summary>Reads one rule: an input and a band, absolute or relative to the lot's median or mean.</summary>
internal static class GradeRuleReader
{
    public static readonly string[] Fields = ["input", "reference", "min", "max", "minSigma", "maxSigma"];

    /// <summary>The rule, or null if anything is wrong. <paramref name="fields"/> is the object holding the rule's fields.</summary>
    public static GradeRule? Read(JsonFields fields, GradingContext context, DiagnosticList diagnostics)
    {
        int before = diagnostics.Count;
        var inputNode = fields.Required("input", $"(one of: {string.Join(", ", GradeInputNames.All.Select(GradeInputNames.Of))})");
        GradeInput? input = ReadInput(inputNode, context, diagnostics);
        var reference = ReadReference(fields.Optional("reference"), diagnostics);
        if (input is not { } what || reference is not { } from)
        {
            return null;
        }

        var minNode = fields.Optional("min");
        var maxNode = fields.Optional("max");
        var min = minNode is null ? null : InputQuantityReader.Read(minNode, what, diagnostics);
        var max = maxNode is null ? null : InputQuantityReader.Read(maxNode, what, diagnostics);
        double? minSigma = ReadSigma(fields.Optional("minSigma"), from, minNode, "min", diagnostics);
        double? maxSigma = ReadSigma(fields.Optional("maxSigma"), from, maxNode, "max", diagnostics);
        if (minNode is null && maxNode is null && !fields.Has("minSigma") && !fields.Has("maxSigma"))
        {
            diagnostics.Report(fields.Object, "a rule needs an edge: 'min', 'max', 'minSigma' or 'maxSigma'");
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        bool percent = (min?.Percent ?? false) || (max?.Percent ?? false);
        if (min is { } lo && max is { } hi && lo.Percent != hi.Percent)
        {
            diagnostics.Report(maxNode!, "write both edges in percent or both in the input's unit");
            return null;
        }

        double? minValue = min?.Value, maxValue = max?.Value;
        if (percent && from == GradeReference.Absolute)
        {
            if (what != GradeInput.Capacity || context.NominalCapacityAh is not { } nominal)
            {
                diagnostics.Report(minNode is not null && min!.Value.Percent ? minNode : maxNode!,
                    what == GradeInput.Capacity
                        ? "an absolute capacity in % is a percentage of nominalCapacity, which is missing or invalid"
                        : $"an absolute {GradeInputNames.Of(what)} edge cannot be a percentage; write it in {GradeInputNames.UnitOf(what)}, or use \"reference\": \"median\" or \"mean\"");
                return null;
            }

            minValue = minValue is { } a ? DecimalArithmetic.Multiply(DecimalArithmetic.Divide(a, 100), nominal) : null;
            maxValue = maxValue is { } b ? DecimalArithmetic.Multiply(DecimalArithmetic.Divide(b, 100), nominal) : null;
            percent = false;
        }

        if (minValue is { } low && maxValue is { } high && high <= low)
        {
            diagnostics.Report(maxNode!, $"must be above min ({GradeText.Number(low)})");
            return null;
        }

        return new GradeRule(what, from, minValue, maxValue) { InPercent = percent, MinSigma = minSigma, MaxSigma = maxSigma };
    }

    private static GradeInput? ReadInput(JsonSourceNode? node, GradingContext context, DiagnosticList diagnostics)
    {
        if (ReadString(node, diagnostics) is not { } name)
        {
            return null;
        }

        if (!GradeInputNames.TryParse(name, out var input))
        {
            diagnostics.Report(node!, $"unknown input '{name}'; expected one of: {string.Join(", ", GradeInputNames.All.Select(GradeInputNames.Of))}");
            return null;
        }

        if (!context.Declared.Contains(input))
        {
            diagnostics.Report(node!, $"input '{name}' is not declared in 'inputs'{(input == GradeInput.Capacity ? " (or 'capacityStep')" : string.Empty)}: say where it is measured");
            return null;
        }

        return input;
    }

    private static GradeReference? ReadReference(JsonSourceNode? node, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return GradeReference.Absolute;
        }

        switch (ReadString(node, diagnostics))
        {
            case null:
                return null;
            case "absolute":
                return GradeReference.Absolute;
            case "median":
                return GradeReference.Median;
            case "mean":
                return GradeReference.Mean;
            case var other:
                diagnostics.Report(node, $"unknown reference '{other}'; expected absolute, median or mean");
                return null;
        }
    }

    private static double? ReadSigma(JsonSourceNode? node, GradeReference reference, JsonSourceNode? sameEdge, string edgeName, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonSourceScalar { Kind: JsonValueKind.Number } number
            || !double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double k) || k < 0 || !double.IsFinite(k))
        {
            diagnostics.Report(node, "expected a number of standard deviations (≥ 0), e.g. 3");
            return null;
        }

        if (reference != GradeReference.Mean)
        {
            diagnostics.Report(node, "edges in standard deviations need \"reference\": \"mean\"");
            return null;
        }

        if (sameEdge is not null)
        {
            diagnostics.Report(node, $"give this edge once: '{edgeName}Sigma' or '{edgeName}', not both");
            return null;
        }

        return k;
    }
}
