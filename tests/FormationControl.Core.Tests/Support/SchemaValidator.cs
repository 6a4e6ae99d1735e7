using System.Text.Json;
using Json.Schema;

namespace FormationControl.Core.Tests.Support;

/// <summary>Validates files against the shipped JSON Schemas with an independent validator (JsonSchema.Net).</summary>
internal static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Profile = new(() => Build("schema/profile.schema.json"));
    private static readonly Lazy<JsonSchema> Cell = new(() => Build("schema/cell.schema.json"));
    private static readonly Lazy<JsonSchema> Grading = new(() => Build("schema/grading.schema.json"));

    /// <summary>The schema's errors for the file at <paramref name="path"/>, empty when it is valid; picked by the file's "$schema".</summary>
    public static IReadOnlyList<string> Errors(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        string reference = document.RootElement.TryGetProperty("$schema", out var s) ? s.GetString() ?? string.Empty : "profile.schema.json";
        var schema = reference.EndsWith("cell.schema.json", StringComparison.Ordinal) ? Cell.Value
            : reference.EndsWith("grading.schema.json", StringComparison.Ordinal) ? Grading.Value
            : Profile.Value;
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).Distinct()];
    }

    private static JsonSchema Build(string relative) =>
        JsonSchema.FromText(File.ReadAllText(ProfileJson.SamplePath(relative)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
