using FormationControl.Core.Json;
using FormationControl.Core.Text;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Reads a cell spec given by reference, "cell": "cells/nmc-100ah.json", relative to the profile's folder. The cell
/// file's own problems are reported in that file (its path, line and column); the reference gets one problem too.
/// </summary>
internal static class CellFileReader
{
    public static (CellSpec? Spec, double? NominalCapacityAh) Read(JsonSourceScalar reference, string? baseDirectory, DiagnosticList diagnostics)
    {
        string relative = reference.Text;
        if (!relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Report(reference, $"the cell must be an object with its ratings, or the path of a cell file such as \"cells/nmc-100ah.json\", not \"{relative}\"");
            return (null, null);
        }

        string path = Path.Combine(baseDirectory ?? string.Empty, relative);
        if (!File.Exists(path))
        {
            diagnostics.Report(reference, $"cell file '{relative}' not found (looked for {path}){Suggestion(path)}");
            return (null, null);
        }

        if (!SourceText.TryRead(path, out string? text, out var readError))
        {
            diagnostics.Report(reference, $"cell file '{relative}': {readError.Message}");
            return (null, null);
        }

        var cellDiagnostics = new DiagnosticList(path);
        var root = JsonSourceParser.Parse(text, cellDiagnostics);
        var result = root is null ? (null, null) : CellSpecReader.Read(root, cellDiagnostics);
        if (cellDiagnostics.Count > 0)
        {
            diagnostics.Report(reference, $"cell file '{relative}' has {cellDiagnostics.Count} problem(s), listed at {path}");
            diagnostics.AddFrom(cellDiagnostics);
        }

        return result;
    }

    private static string Suggestion(string path)
    {
        string? folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return string.Empty;
        }

        var names = Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return SpellingSuggestion.Closest(Path.GetFileName(path), names) is { } close ? $"; did you mean '{close}'?"
            : names.Count > 0 ? $"; that folder has: {string.Join(", ", names)}"
            : string.Empty;
    }
}
