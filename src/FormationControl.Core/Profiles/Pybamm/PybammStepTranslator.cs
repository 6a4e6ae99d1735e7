using System.Text.Json;
using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles.Pybamm;

/// <summary>
/// Turns a step written as a PyBaMM string into the step object its long form would be, made of nodes that point at
/// the words of the string: the step reader then checks and resolves it exactly like the long form (same model, same
/// hash), and any problem points at the word it is about. <c>{ "step": "...", "label": ..., "limits": [...] }</c>
/// adds a label, a description, logging and more limits (after the string's own) to a string.
/// </summary>
internal static class PybammStepTranslator
{
    // What a string gives, so the object form must not give it again.
    private static readonly string[] GivenByString = ["type", "current", "voltage", "power", "resistance", "levels", "count", "until", "steps"];

    /// <summary>The long-form step object, or null after reporting what is wrong with the string.</summary>
    public static JsonSourceObject? Translate(JsonSourceScalar text, DiagnosticList diagnostics)
    {
        if (!PybammStepParser.TryParse(text.Text, out var step, out string? error, out int offset))
        {
            diagnostics.Report(text.Path, text.LocationOf(offset), $"step string \"{text.Text}\": {error}");
            return null;
        }

        return Build(text, step!);
    }

    /// <summary>The long form of an object with a "step" string and extras, or null after reporting.</summary>
    public static JsonSourceObject? Merge(JsonSourceObject source, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(source, "a step", Profiles.Reading.StepReader.Fields, diagnostics)!;
        int before = diagnostics.Count;
        foreach (string name in GivenByString.Where(fields.Has))
        {
            diagnostics.Report(fields.Optional(name)!, $"'{name}' is given by the 'step' string; remove one of them");
        }

        var stepNode = fields.Optional("step")!;
        if (stepNode is not JsonSourceScalar { Kind: JsonValueKind.String } text)
        {
            diagnostics.Report(stepNode, $"expected a step string such as \"Rest for 1 hour\", not {stepNode.KindDescription}");
            return null;
        }

        var translated = Translate(text, diagnostics);
        var limitsNode = fields.Optional("limits");
        if (limitsNode is not null and not JsonSourceArray)
        {
            diagnostics.Report(limitsNode, $"expected an array of limits, not {limitsNode.KindDescription}");
        }

        var loggingNode = fields.Optional("logging");
        if (loggingNode is not null && translated?.TryGetValue("logging", out _) == true)
        {
            diagnostics.Report(loggingNode, "the step string sets a logging period already; give either the period or 'logging'");
        }

        if (translated is null || diagnostics.Count > before)
        {
            return null;
        }

        var properties = translated.Properties.Where(p => p.Name is not ("limits" or "logging")).ToList();
        var stringLimits = (JsonSourceArray)translated.Properties.Single(p => p.Name == "limits").Value;
        IEnumerable<JsonSourceNode> extraLimits = limitsNode is JsonSourceArray extra ? extra.Items : [];
        properties.Add(new JsonSourceProperty("limits", text.Location, new JsonSourceArray(stringLimits.Path, stringLimits.Location, [.. stringLimits.Items, .. extraLimits])));
        foreach (var property in source.Properties.Where(p => p.Name is "label" or "description" or "logging"))
        {
            properties.Add(property);
        }

        if (loggingNode is null && translated.TryGetValue("logging", out var period))
        {
            properties.Add(new JsonSourceProperty("logging", period.Location, period));
        }

        return new JsonSourceObject(source.Path, source.Location, properties);
    }

    private static JsonSourceObject Build(JsonSourceScalar text, PybammStep step)
    {
        string path = text.Path;
        JsonSourceScalar Scalar(string value, int offset) => new(path, text.LocationOf(offset), JsonValueKind.String, value);
        JsonSourceProperty Property(PybammPart part) => new(part.Field, text.LocationOf(part.Offset), Scalar(part.Text, part.Offset));

        var properties = new List<JsonSourceProperty> { new("type", text.LocationOf(step.TypeOffset), Scalar(step.Type, step.TypeOffset)) };
        if (step.Setpoint is { } setpoint)
        {
            properties.Add(Property(setpoint));
        }

        var limits = step.Limits.Select(l => (JsonSourceNode)new JsonSourceObject(path, text.LocationOf(l.Offset), [Property(l)])).ToList();
        properties.Add(new JsonSourceProperty("limits", text.Location, new JsonSourceArray(path, text.Location, limits)));
        if (step.Period is { } period)
        {
            properties.Add(new JsonSourceProperty("logging", text.LocationOf(period.Offset), new JsonSourceObject(path, text.LocationOf(period.Offset), [Property(period)])));
        }

        return new JsonSourceObject(path, text.Location, properties);
    }
}
