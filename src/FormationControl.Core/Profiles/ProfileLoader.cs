using FormationControl.Core.Json;
using FormationControl.Core.Profiles.Reading;

namespace FormationControl.Core.Profiles;

/// <summary>
/// Loads profile JSON files (format: <c>profiles/schema/profile.schema.json</c>) into a resolved, validated
/// <see cref="Profile"/>. Never throws for bad input: every problem comes back as a <see cref="ProfileDiagnostic"/>
/// with line, column and JSON path, all of them from one pass.
/// </summary>
public static class ProfileLoader
{
    /// <summary>
    /// Reads and loads the file at <paramref name="path"/>; the path names the source in diagnostics, and a cell given
    /// by reference ("cell": "cells/x.json") is looked up relative to the file's folder.
    /// </summary>
    public static ProfileLoadResult LoadFile(string path) =>
        SourceText.TryRead(path, out string? text, out var error) ? Parse(text, path) : new ProfileLoadResult(null, [error]);

    /// <summary>
    /// Loads profile JSON text; <paramref name="sourceName"/> names it in diagnostics. A cell given by reference is
    /// looked up relative to the folder of <paramref name="sourceName"/>.
    /// </summary>
    public static ProfileLoadResult Parse(string json, string sourceName) => Parse(json, sourceName, Path.GetDirectoryName(sourceName));

    /// <summary>Loads profile JSON text, looking up a cell given by reference relative to <paramref name="baseDirectory"/>.</summary>
    public static ProfileLoadResult Parse(string json, string sourceName, string? baseDirectory)
    {
        var diagnostics = new DiagnosticList(sourceName);
        var root = JsonSourceParser.Parse(json, diagnostics);
        var profile = root is null ? null : ProfileReader.Read(root, baseDirectory, diagnostics);
        return new ProfileLoadResult(profile, diagnostics.InFileOrder());
    }
}
