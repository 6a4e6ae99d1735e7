using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using FormationControl.Core.Text;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Reads one step object that is not a loop: its type, the setpoints that type needs (and no others), its limits and
/// optional logging, and checks setpoints against the cell ratings and safety limits. Loops are read by
/// <see cref="StepListReader"/>, steps written as strings are translated by <see cref="Pybamm.PybammStepTranslator"/> first.
/// </summary>
internal static class StepReader
{
    /// <summary>Every field a step object may have; which ones a given type takes is checked per type.</summary>
    public static readonly string[] Fields =
        ["label", "type", "step", "description", "current", "voltage", "power", "resistance", "levels", "count", "until", "steps", "limits", "logging"];

    public static readonly string[] LoopFields = ["count", "until", "steps"];

    private static readonly (string Name, StepSetpoints Setpoint)[] SetpointFields =
        [("current", StepSetpoints.Current), ("voltage", StepSetpoints.Voltage), ("power", StepSetpoints.Power), ("resistance", StepSetpoints.Resistance), ("levels", StepSetpoints.Levels)];

    /// <summary>The step, or null if anything in it is wrong. <paramref name="label"/> was read and checked by <see cref="StepLabels"/>.</summary>
    public static ProfileStep? Read(JsonSourceNode node, int index, string? label, StepContext context, out StepSource? source)
    {
        source = null;
        var diagnostics = context.Diagnostics;
        var fields = JsonFields.Open(node, "a step", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        var type = ReadType(fields, diagnostics);
        ReadString(fields.Optional("description"), diagnostics);
        ReportMisplaced(fields, type, diagnostics);
        if (type is StepType.Label or StepType.End)
        {
            source = new StepSource(node, []);
            return diagnostics.Count > before ? null : new ProfileStep(index, label, type.Value, null, null, [], null) { Location = node.Location };
        }

        var rule = type is { } t ? StepTypeRule.For(t) : null;
        var setpoints = StepSetpointReader.Read(fields, rule, context);
        var limits = ReadLimits(fields, rule, setpoints.CurrentA, context);
        var loggingNode = fields.Optional("logging");
        var logging = loggingNode is null ? null : LoggingCriteriaReader.Read(loggingNode, "the step's logging", context.NominalCapacityAh, diagnostics);
        if (limits is not null)
        {
            StepSetpointReader.CheckAgainstLimits(fields, rule, setpoints, [.. limits.Select(l => l.Limit)], context);
        }

        if (diagnostics.Count > before || rule is null || limits is null)
        {
            return null;
        }

        source = new StepSource(node, [.. limits.Select(l => l.Node)]);
        return new ProfileStep(index, label, rule.Type, setpoints.CurrentA, setpoints.VoltageV, [.. limits.Select(l => l.Limit)], logging)
        {
            PowerW = setpoints.PowerW,
            ResistanceOhm = setpoints.ResistanceOhm,
            PulseLevels = setpoints.Levels,
            Location = node.Location,
        };
    }

    /// <summary>The step type, or null (reported) when it is missing or unknown.</summary>
    public static StepType? ReadType(JsonFields fields, DiagnosticList diagnostics)
    {
        var node = fields.Required("type", $"({string.Join(", ", ProfileJsonNames.StepTypes)}), or a 'step' string such as \"Rest for 1 hour\"");
        string? name = ReadString(node, diagnostics);
        if (name is null)
        {
            return null;
        }

        if (ProfileJsonNames.TryParseStepType(name, out var type))
        {
            return type;
        }

        string hint = SpellingSuggestion.Closest(name, ProfileJsonNames.StepTypes) is { } s
            ? $"; did you mean '{s}'?"
            : $"; expected one of: {string.Join(", ", ProfileJsonNames.StepTypes)}";
        diagnostics.Report(node!, $"unknown step type '{name}'{hint}");
        return null;
    }

    // Fields that exist, but not for this type of step.
    private static void ReportMisplaced(JsonFields fields, StepType? type, DiagnosticList diagnostics)
    {
        foreach (string name in LoopFields.Where(fields.Has))
        {
            diagnostics.Report(fields.Optional(name)!, $"'{name}' belongs to loop steps (\"type\": \"loop\")");
        }

        if (type is not (StepType.Label or StepType.End))
        {
            return;
        }

        string what = type == StepType.Label ? "a label step only marks a place to go to" : "an end step ends the profile";
        foreach (string name in new[] { "limits", "logging" }.Concat(SetpointFields.Select(f => f.Name)).Where(fields.Has))
        {
            diagnostics.Report(fields.Optional(name)!, $"{what} and takes no '{name}'");
        }
    }

    private static List<(StepLimit Limit, JsonSourceNode Node)>? ReadLimits(JsonFields fields, StepTypeRule? rule, double? currentA, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        string why = rule is null ? "(at least one limit must end the step)" : $"(a {rule.Name} step ends on {rule.EndingText})";
        var node = rule is { NeedsLimit: false } ? fields.Optional("limits") : fields.Required("limits", why);
        if (node is null)
        {
            return rule is { NeedsLimit: false } ? [] : null;
        }

        if (node is not JsonSourceArray array)
        {
            diagnostics.Report(node, $"expected an array of limits, not {node.KindDescription}");
            return null;
        }

        var limits = new List<(StepLimit, JsonSourceNode)>();
        bool allRead = true;
        foreach (var item in array.Items)
        {
            var limit = StepLimitReader.Read(item, rule, currentA, context);
            allRead &= limit is not null;
            if (limit is not null)
            {
                limits.Add((limit, item));
            }
        }

        // Limits that failed were reported with the reason; only a clean but empty list is reported here.
        if (allRead && limits.Count == 0 && rule is not { NeedsLimit: false })
        {
            diagnostics.Report(node, $"the step can never end: it needs at least one limit {why}");
        }

        return limits;
    }
}
