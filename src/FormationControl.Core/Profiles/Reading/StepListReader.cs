using System.Text.Json;
using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Reads a (nested) steps array into the flat, indexed step list the controller runs: a loop becomes a loop marker,
/// its body, and a loop-end marker; a step written as a string is translated first. Every item gets its index even
/// when it is wrong, so that the indices in messages are the ones of the valid file.
/// </summary>
internal sealed class StepListReader(StepLabels labels, StepContext context)
{
    private readonly List<ProfileStep?> _steps = [];
    private readonly List<StepSource> _sources = [];

    /// <summary>The flat steps, null where a step was wrong.</summary>
    public IReadOnlyList<ProfileStep?> Steps => _steps;

    /// <summary>Where each flat step came from.</summary>
    public IReadOnlyList<StepSource> Sources => _sources;

    public void ReadList(JsonSourceArray array)
    {
        foreach (var item in array.Items)
        {
            ReadItem(item);
        }
    }

    private void ReadItem(JsonSourceNode item)
    {
        string? label = labels.Of(item);
        JsonSourceNode? node = item switch
        {
            JsonSourceScalar { Kind: JsonValueKind.String } text => Pybamm.PybammStepTranslator.Translate(text, context.Diagnostics),
            JsonSourceObject o when o.TryGetValue("step", out _) => Pybamm.PybammStepTranslator.Merge(o, context.Diagnostics),
            _ => item,
        };

        if (node is null)
        {
            Add(null, new StepSource(item, []));
        }
        else if (node is JsonSourceObject o && o.TryGetValue("type", out var type) && type is JsonSourceScalar { Text: "loop" })
        {
            ReadLoop(o, label);
        }
        else
        {
            var step = StepReader.Read(node, _steps.Count, label, context, out var source);
            Add(step, source ?? new StepSource(node, []));
        }
    }

    private void ReadLoop(JsonSourceObject node, string? label)
    {
        var diagnostics = context.Diagnostics;
        var fields = JsonFields.Open(node, "a loop", StepReader.Fields, diagnostics)!;
        int before = diagnostics.Count;
        JsonValueReader.ReadString(fields.Optional("description"), diagnostics);
        foreach (string name in StepReader.Fields.Except(["label", "type", "description", .. StepReader.LoopFields]).Where(fields.Has))
        {
            diagnostics.Report(fields.Optional(name)!, $"a loop repeats its 'steps' and takes no '{name}'; give it to the steps inside");
        }

        var repeat = LoopReader.Read(fields, context);
        int start = _steps.Count;
        Add(null, new StepSource(node, [], fields.Optional("until")));

        var bodyNode = fields.Required("steps", "(the steps to repeat)");
        if (bodyNode is JsonSourceArray { Items.Count: > 0 } body)
        {
            ReadList(body);
        }
        else if (bodyNode is not null)
        {
            diagnostics.Report(bodyNode, bodyNode is JsonSourceArray ? "a loop needs at least one step to repeat" : $"expected an array of steps, not {bodyNode.KindDescription}");
        }

        int end = _steps.Count;
        if (bodyNode is JsonSourceArray { Items.Count: > 0 } && !HasRunnableStep(start + 1, end))
        {
            diagnostics.Report(bodyNode, "a loop needs at least one step that runs (not only labels, loops or ends)");
        }

        var spec = repeat is { } r && diagnostics.Count == before ? new LoopSpec(start, end, r.Count, r.Until) : null;
        _steps[start] = spec is null ? null : new ProfileStep(start, label, StepType.Loop, null, null, [], null) { Loop = spec, Location = node.Location };
        Add(spec is null ? null : new ProfileStep(end, null, StepType.LoopEnd, null, null, [], null) { Loop = spec, Location = node.Location }, new StepSource(node, []));
    }

    // Judged on what was written, so that a step that failed to read (reported already) still counts.
    private bool HasRunnableStep(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!IsControlObject(_sources[i].Node))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsControlObject(JsonSourceNode node) =>
        node is JsonSourceObject o && o.TryGetValue("type", out var t) && t is JsonSourceScalar { Text: "loop" or "label" or "end" };

    private void Add(ProfileStep? step, StepSource source)
    {
        _steps.Add(step);
        _sources.Add(source);
    }
}
