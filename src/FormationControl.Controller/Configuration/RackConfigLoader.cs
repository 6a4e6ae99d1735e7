using FormationControl.Core.Json;

namespace FormationControl.Controller.Configuration;

/// <summary>
/// Loads a rack configuration JSON file (see <c>docs/operations.md</c> and <c>profiles/racks/</c>). Never throws
/// for bad input: every problem comes back with file, line, column and JSON path, all of them in one pass.
/// Relative paths in the file (register maps, storage) are taken from the file's folder.
/// </summary>
public static class RackConfigLoader
{
    public static RackConfigLoadResult LoadFile(string path) =>
        SourceText.TryRead(path, out string? text, out var error)
            ? Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".")
            : new RackConfigLoadResult(null, [error]);

    /// <summary>Loads configuration text; <paramref name="sourceName"/> names it in problems.</summary>
    public static RackConfigLoadResult Parse(string json, string sourceName, string baseDirectory)
    {
        var diagnostics = new DiagnosticList(sourceName);
        var root = JsonSourceParser.Parse(json, diagnostics);
        var config = root is null ? null : RackConfigReader.Read(root, baseDirectory, diagnostics);
        return new RackConfigLoadResult(config, diagnostics.InFileOrder());
    }
}
