using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// First pass over the steps, loop bodies included: every label, checked for form and uniqueness, so that gotos can
/// be checked against all labels (also those of later steps and of steps with other errors).
/// </summary>
internal sealed class StepLabels
{
    private readonly Dictionary<JsonSourceNode, string> _byStep;

    private StepLabels(Dictionary<JsonSourceNode, string> byStep, HashSet<string> all, bool hasErrors)
    {
        _byStep = byStep;
        All = all;
        HasErrors = hasErrors;
    }

    public IReadOnlyCollection<string> All { get; }

    /// <summary>Whether a label was malformed or duplicate (then gotos cannot be followed reliably).</summary>
    public bool HasErrors { get; }

    /// <summary>The valid label of the step written as <paramref name="step"/>, or null.</summary>
    public string? Of(JsonSourceNode step) => _byStep.GetValueOrDefault(step);

    public static StepLabels Collect(JsonSourceArray steps, DiagnosticList diagnostics)
    {
        var byStep = new Dictionary<JsonSourceNode, string>(ReferenceEqualityComparer.Instance);
        var first = new Dictionary<string, JsonSourceNode>(StringComparer.Ordinal);
        int before = diagnostics.Count;
        CollectIn(steps, byStep, first, diagnostics);
        return new StepLabels(byStep, [.. first.Keys], diagnostics.Count > before);
    }

    private static void CollectIn(JsonSourceArray steps, Dictionary<JsonSourceNode, string> byStep, Dictionary<string, JsonSourceNode> first, DiagnosticList diagnostics)
    {
        foreach (var item in steps.Items)
        {
            if (item is not JsonSourceObject step)
            {
                continue;
            }

            if (step.TryGetValue("label", out var node) && JsonValueReader.ReadString(node, diagnostics) is { } label)
            {
                if (!IsWellFormed(label))
                {
                    diagnostics.Report(node, $"label '{label}' must start with a letter and contain only letters, digits, '-', '_' and '.'");
                }
                else if (first.TryGetValue(label, out var earlier))
                {
                    diagnostics.Report(node, $"duplicate label '{label}' (also at {earlier.Path}, line {earlier.Location.Line})");
                }
                else
                {
                    first.Add(label, node);
                    byStep.Add(step, label);
                }
            }

            if (step.TryGetValue("steps", out var body) && body is JsonSourceArray bodySteps)
            {
                CollectIn(bodySteps, byStep, first, diagnostics);
            }
        }
    }

    private static bool IsWellFormed(string label) =>
        char.IsAsciiLetter(label[0]) && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
