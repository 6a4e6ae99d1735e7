using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Grading.Reading;

/// <summary>Reads a whole grading recipe from its parsed tree, collecting every problem.</summary>
internal static class GradingRecipeReader
{
    public static readonly string[] Fields = ["$schema", "name", "version", "description", "capacityStep", "nominalCapacity", "bins", "rejectGrade"];

    /// <summary>The resolved recipe with its hash, or null when anything was reported.</summary>
    public static GradingRecipe? Read(JsonSourceNode root, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(root, "a grading recipe", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        ReadString(fields.Optional("$schema"), diagnostics);
        ReadString(fields.Optional("description"), diagnostics);
        string? name = ReadString(fields.Required("name"), diagnostics);
        string? version = ReadString(fields.Required("version"), diagnostics);
        string? capacityStep = ReadString(fields.Required("capacityStep", "(the label of the profile step whose discharge capacity is graded)"), diagnostics);
        var nominalNode = fields.Optional("nominalCapacity");
        double? nominal = Positive(nominalNode, ReadValue(nominalNode, Dimension.Capacity, diagnostics), diagnostics);
        var bins = ReadBins(fields.Required("bins"), nominal, diagnostics);
        var rejectNode = fields.Required("rejectGrade", "(the grade of a cell outside every bin)");
        string? reject = ReadString(rejectNode, diagnostics);
        if (reject is not null && bins?.Any(b => b.Bin.Grade == reject) == true)
        {
            diagnostics.Report(rejectNode!, $"the reject grade '{reject}' is also a bin's grade; a rejected cell must be told apart");
        }

        if (diagnostics.Count > 0 || name is null || version is null || capacityStep is null || bins is null || reject is null)
        {
            return null;
        }

        var recipe = new GradingRecipe(name, version, string.Empty, capacityStep, nominal, [.. bins.Select(b => b.Bin)], reject);
        return recipe with { Hash = GradingRecipeHash.Compute(recipe) };
    }

    private static List<(GradeBin Bin, JsonSourceNode Node)>? ReadBins(JsonSourceNode? node, double? nominal, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonSourceArray array || array.Items.Count == 0)
        {
            diagnostics.Report(node, node is JsonSourceArray ? "a recipe needs at least one bin" : $"expected an array of bins, not {node.KindDescription}");
            return null;
        }

        var bins = new List<(GradeBin Bin, JsonSourceNode Node)>();
        foreach (var item in array.Items)
        {
            if (GradeBinReader.Read(item, nominal, diagnostics) is { } bin)
            {
                // Reported at the later bin: the earlier one is where the reader's eye already was.
                foreach (var (other, otherNode) in bins.Where(b => b.Bin.Overlaps(bin)))
                {
                    diagnostics.Report(item, $"bin {bin} overlaps bin {other} at {otherNode.Path}");
                }

                bins.Add((bin, item));
            }
        }

        return bins.Count == array.Items.Count ? bins : null;
    }
}
