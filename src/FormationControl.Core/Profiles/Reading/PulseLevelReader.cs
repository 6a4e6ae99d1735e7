using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Reads the "levels" of a pulse step: each is { "charge": current, "duration": time }, { "discharge": current,
/// "duration": time } or { "rest": time }. Currents are magnitudes; the model stores them signed (discharge negative).
/// </summary>
internal static class PulseLevelReader
{
    public static readonly string[] Fields = ["charge", "discharge", "rest", "duration"];

    private static readonly string[] Kinds = ["charge", "discharge", "rest"];

    /// <summary>The levels, or null if anything is wrong.</summary>
    public static IReadOnlyList<PulseLevel>? Read(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (node is not JsonSourceArray array)
        {
            diagnostics.Report(node, $"expected an array of pulse levels, not {node.KindDescription}");
            return null;
        }

        if (array.Items.Count == 0)
        {
            diagnostics.Report(node, "a pulse step needs at least one level, e.g. { \"discharge\": \"1C\", \"duration\": \"10 s\" }");
            return null;
        }

        int before = diagnostics.Count;
        var levels = new List<PulseLevel>();
        foreach (var item in array.Items)
        {
            if (ReadLevel(item, context) is { } level)
            {
                levels.Add(level);
            }
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        double total = levels.Sum(l => l.DurationS);
        if (context.Safety?.MaxStepDuration is { } max && total > max.TotalSeconds)
        {
            diagnostics.Report(node, $"the levels last {QuantityText.Duration(total)} together, longer than safety.maxStepDuration ({QuantityText.Duration(max.TotalSeconds)})");
            return null;
        }

        return levels;
    }

    private static PulseLevel? ReadLevel(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        var fields = JsonFields.Open(node, "a pulse level", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        string[] given = [.. Kinds.Where(fields.Has)];
        if (given.Length != 1)
        {
            string problem = given.Length == 0 ? "needs one of" : $"has {string.Join(" and ", given)}; give only one of";
            diagnostics.Report(node, $"a pulse level {problem}: \"charge\" or \"discharge\" (a current, with a \"duration\"), or \"rest\" (a duration)");
            return null;
        }

        var valueNode = fields.Optional(given[0])!;
        var durationNode = fields.Optional("duration");
        if (given[0] == "rest")
        {
            if (durationNode is not null)
            {
                diagnostics.Report(durationNode, "a rest level's duration is its value: write { \"rest\": \"40 s\" }");
                return null;
            }

            return Positive(valueNode, ReadValue(valueNode, Dimension.Time, diagnostics), diagnostics) is { } rest ? new PulseLevel(0, rest) : null;
        }

        durationNode ??= fields.Required("duration", $"(how long the {given[0]} level lasts, e.g. \"10 s\")");
        double? seconds = Positive(durationNode, ReadValue(durationNode, Dimension.Time, diagnostics), diagnostics);
        double? amps = Positive(valueNode, ReadCurrentA(valueNode, context.NominalCapacityAh, diagnostics), diagnostics);
        var direction = given[0] == "charge" ? CurrentDirection.Charge : CurrentDirection.Discharge;
        if (amps is not { } a || seconds is not { } s || !StepSetpointReader.CheckCurrent(valueNode, direction, a, QuantityText.Amps(a), context))
        {
            return null;
        }

        return new PulseLevel(direction == CurrentDirection.Charge ? a : -a, s);
    }
}
