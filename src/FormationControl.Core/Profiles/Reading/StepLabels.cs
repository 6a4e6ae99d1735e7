using System.Text.Json;
using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// First pass over the steps: every label, checked for form and uniqueness, so that gotos can be checked
/// against all labels (also those of later steps and of steps with other errors).
/// </summary>
internal sealed class StepLabels
{
    private StepLabels(string?[] byIndex, HashSet<string> all)
    {
        ByIndex = byIndex;
        All = all;
    }

    /// <summary>The valid label of each step, or null.</summary>
    public IReadOnlyList<string?> ByIndex { get; }

    public IReadOnlyCollection<string> All { get; }

    public static StepLabels Collect(JsonSourceArray steps, DiagnosticList diagnostics)
    {
        var byIndex = new string?[steps.Items.Count];
        var first = new Dictionary<string, JsonSourceNode>(StringComparer.Ordinal);
        for (int i = 0; i < steps.Items.Count; i++)
        {
            if (steps.Items[i] is not JsonSourceObject step || !step.TryGetValue("label", out var node))
            {
                continue;
            }

            string? label = JsonValueReader.ReadString(node, diagnostics);
            if (label is null)
            {
                continue;
            }

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
                byIndex[i] = label;
            }
        }

        return new StepLabels(byIndex, [.. first.Keys]);
    }

    private static bool IsWellFormed(string label) =>
        char.IsAsciiLetter(label[0]) && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
