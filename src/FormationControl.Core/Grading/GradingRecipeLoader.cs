using FormationControl.Core.Grading.Reading;
using FormationControl.Core.Json;

namespace FormationControl.Core.Grading;

/// <summary>
/// Loads grading recipe JSON files (format: <c>profiles/schema/grading.schema.json</c>) with the same
/// diagnostics as <see cref="Profiles.ProfileLoader"/>: line, column and JSON path, all problems in one pass.
/// </summary>
public static class GradingRecipeLoader
{
    /// <summary>Reads and loads the file at <paramref name="path"/>; the path names the source in diagnostics.</summary>
    public static GradingRecipeLoadResult LoadFile(string path) =>
        SourceText.TryRead(path, out string? text, out var error) ? Parse(text, path) : new GradingRecipeLoadResult(null, [error]);

    /// <summary>Loads recipe JSON text; <paramref name="sourceName"/> names it in diagnostics.</summary>
    public static GradingRecipeLoadResult Parse(string json, string sourceName)
    {
        var diagnostics = new DiagnosticList(sourceName);
        var root = JsonSourceParser.Parse(json, diagnostics);
        var recipe = root is null ? null : GradingRecipeReader.Read(root, diagnostics);
        return new GradingRecipeLoadResult(recipe, diagnostics.InFileOrder());
    }
}
