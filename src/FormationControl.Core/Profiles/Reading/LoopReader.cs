using System.Globalization;
using System.Text.Json;
using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Reads how a loop repeats: "count" (a whole number of passes) and/or "until" (one condition on voltage or
/// temperature, checked after each pass). The body ("steps") is read by <see cref="StepListReader"/>.
/// </summary>
internal static class LoopReader
{
    public static readonly string[] UntilConditions = ["voltage", "temperature"];

    /// <summary>The repetition, or null (reported) when it is wrong or missing.</summary>
    public static (int? Count, LoopCondition? Until)? Read(JsonFields fields, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        int before = diagnostics.Count;
        var countNode = fields.Optional("count");
        var untilNode = fields.Optional("until");
        if (countNode is null && untilNode is null)
        {
            diagnostics.Report(fields.Object, "a loop needs 'count' (repeat N times) or 'until' (repeat until a condition), or both (until, at most N times)");
            return null;
        }

        int? count = countNode is null ? null : ReadCount(countNode, diagnostics);
        var until = untilNode is null ? null : ReadUntil(untilNode, context);
        return diagnostics.Count > before ? null : (count, until);
    }

    private static int? ReadCount(JsonSourceNode node, DiagnosticList diagnostics)
    {
        if (node is JsonSourceScalar { Kind: JsonValueKind.Number } number
            && int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count >= 1)
        {
            return count;
        }

        diagnostics.Report(node, $"a loop count is a whole number of passes, at least 1, written as a JSON number (e.g. 3), not {Describe(node)}");
        return null;
    }

    private static string Describe(JsonSourceNode node) => node is JsonSourceScalar { Kind: JsonValueKind.Number } n ? n.Text : node.KindDescription;

    private static LoopCondition? ReadUntil(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        var fields = JsonFields.Open(node, "a loop's until", UntilConditions, diagnostics);
        if (fields is null)
        {
            return null;
        }

        string[] given = [.. UntilConditions.Where(fields.Has)];
        if (given.Length != 1)
        {
            diagnostics.Report(node, $"'until' takes one condition: {string.Join(" or ", UntilConditions)}, e.g. {{ \"voltage\": \"<= 3.0 V\" }}");
            return null;
        }

        var conditionNode = fields.Optional(given[0])!;
        var dimension = given[0] == "voltage" ? Dimension.Voltage : Dimension.Temperature;
        if (ReadBound(conditionNode, diagnostics, dimension) is not { } bound)
        {
            return null;
        }

        bool atLeast = bound.Operator == ComparisonOperator.AtLeast;
        var kind = dimension == Dimension.Voltage
            ? (atLeast ? LimitKind.VoltageAtLeast : LimitKind.VoltageAtMost)
            : (atLeast ? LimitKind.TemperatureAtLeast : LimitKind.TemperatureAtMost);
        return new LoopCondition(kind, bound.Quantity.Value);
    }
}
