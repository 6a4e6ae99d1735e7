using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Grading.Reading;

/// <summary>Reads a whole grading recipe from its parsed tree, collecting every problem.</summary>
internal static class GradingRecipeReader
{
    public static readonly string[] Fields = ["$schema", "name", "version", "description", "capacityStep", "nominalCapacity", "bins", "inputs", "grades", "screens", "rejectGrade"];

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
        var capacityStepNode = fields.Optional("capacityStep");
        string? capacityStep = capacityStepNode is null ? null : ReadString(capacityStepNode, diagnostics);
        var nominalNode = fields.Optional("nominalCapacity");
        double? nominal = Positive(nominalNode, ReadValue(nominalNode, Dimension.Capacity, diagnostics), diagnostics);
        var binsNode = fields.Optional("bins");
        var gradesNode = fields.Optional("grades");
        List<(GradeBin Bin, JsonSourceNode Node)>? bins = null;
        if (binsNode is not null && gradesNode is not null)
        {
            diagnostics.Report(gradesNode, "a recipe has either capacity 'bins' or 'grades' with rules, not both");
        }
        else if (binsNode is not null)
        {
            bins = ReadBins(binsNode, nominal, diagnostics);
            if (capacityStepNode is null)
            {
                fields.Required("capacityStep", "(the label of the profile step whose discharge capacity is graded)");
            }
        }
        else if (gradesNode is null)
        {
            // Neither form: ask for the original one, which most recipes use; docs/grading.md shows the other.
            fields.Required("capacityStep", "(the label of the profile step whose discharge capacity is graded)");
            fields.Required("bins");
        }

        var sources = InputSourcesReader.Read(fields.Optional("inputs"), capacityStep, capacityStepNode, diagnostics);
        var context = new GradingContext(nominal, sources?.Declared ?? new HashSet<GradeInput>());
        var classes = gradesNode is null || sources is null ? null : GradeClassReader.ReadClasses(gradesNode, context, diagnostics);
        var screens = sources is null ? null : GradeClassReader.ReadScreens(fields.Optional("screens"), context, diagnostics);
        var rejectNode = fields.Required("rejectGrade", "(the grade of a cell outside every bin)");
        string? reject = ReadString(rejectNode, diagnostics);
        var gradeNames = bins?.Select(b => b.Bin.Grade) ?? classes?.Select(c => c.Class.Grade) ?? [];
        if (reject is not null && gradeNames.Contains(reject))
        {
            diagnostics.Report(rejectNode!, $"the reject grade '{reject}' is also a {(bins is null ? "grade's name" : "bin's grade")}; a rejected cell must be told apart");
        }

        if (diagnostics.Count > 0 || name is null || version is null || sources is null || screens is null || reject is null || (bins is null && classes is null))
        {
            return null;
        }

        var recipe = new GradingRecipe(name, version, string.Empty, sources.CapacityStep ?? string.Empty, nominal, [.. (bins ?? []).Select(b => b.Bin)], reject)
        {
            Sources = sources,
            Screens = screens,
        };
        if (classes is not null)
        {
            recipe = recipe with { Classes = [.. classes.Select(c => c.Class)] };
        }

        return recipe with { Hash = GradingRecipeHash.Compute(recipe) };
    }

    private static List<(GradeBin Bin, JsonSourceNode Node)>? ReadBins(JsonSourceNode node, double? nominal, DiagnosticList diagnostics)
    {
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
