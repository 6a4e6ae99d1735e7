using System.Text.Json;
using FormationControl.Core.Json;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>Reads a whole profile from its parsed tree, collecting every problem.</summary>
internal static class ProfileReader
{
    public static readonly string[] Fields = ["$schema", "name", "version", "description", "cell", "safety", "logging", "steps"];

    /// <summary>
    /// The resolved profile with its hash, or null when anything was reported. A cell given by reference is looked
    /// up relative to <paramref name="baseDirectory"/> (the profile file's folder).
    /// </summary>
    public static Profile? Read(JsonSourceNode root, string? baseDirectory, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(root, "a profile", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        ReadString(fields.Optional("$schema"), diagnostics);
        ReadString(fields.Optional("description"), diagnostics);
        string? name = ReadString(fields.Required("name"), diagnostics);
        string? version = ReadString(fields.Required("version"), diagnostics);

        var cellNode = fields.Required("cell", "(the cell's ratings, or the path of a cell file such as \"cells/nmc-100ah.json\")");
        var (cell, capacity) = cellNode switch
        {
            null => (null, null),
            JsonSourceScalar { Kind: JsonValueKind.String } reference => CellFileReader.Read(reference, baseDirectory, diagnostics),
            _ => CellSpecReader.Read(cellNode, diagnostics),
        };

        var safetyNode = fields.Required("safety");
        var safety = safetyNode is null ? null : SafetyLimitsReader.Read(safetyNode, capacity, cell, diagnostics);

        var loggingNode = fields.Required("logging", "(when to record samples between step boundaries)");
        var logging = loggingNode is null ? null : LoggingCriteriaReader.Read(loggingNode, "the logging section", capacity, diagnostics);

        var steps = ReadSteps(fields.Required("steps"), capacity, cell, safety, diagnostics);
        if (diagnostics.Count > 0 || name is null || version is null || cell is null || safety is null || logging is null || steps is null)
        {
            return null;
        }

        var profile = new Profile(name, version, string.Empty, cell, safety, logging, steps);
        return profile with { Hash = ProfileHash.Compute(profile) };
    }

    private static List<ProfileStep>? ReadSteps(JsonSourceNode? node, double? capacity, CellSpec? cell, SafetyLimits? safety, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonSourceArray array)
        {
            diagnostics.Report(node, $"expected an array of steps, not {node.KindDescription}");
            return null;
        }

        if (array.Items.Count == 0)
        {
            diagnostics.Report(node, "a profile needs at least one step");
            return null;
        }

        var labels = StepLabels.Collect(array, diagnostics);
        var reader = new StepListReader(labels, new StepContext(capacity, cell, safety, labels.All, diagnostics));
        reader.ReadList(array);
        if (reader.Steps.Any(s => s is null) || labels.HasErrors)
        {
            return null;
        }

        // Flow is checked on the whole, valid step list: gotos, loop exits, steps that can never end.
        List<ProfileStep> steps = [.. reader.Steps.OfType<ProfileStep>()];
        ProfileFlowCheck.Check(steps, reader.Sources, cell, safety, diagnostics);
        return steps;
    }
}
