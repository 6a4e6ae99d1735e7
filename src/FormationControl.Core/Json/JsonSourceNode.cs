namespace FormationControl.Core.Json;

/// <summary>A JSON value with where it was written: its JSON path and the position of its first character.</summary>
internal abstract class JsonSourceNode(string path, SourceLocation location)
{
    /// <summary>"$", "$.steps[2].limits[0].voltage", "$['odd key']".</summary>
    public string Path { get; } = path;

    public SourceLocation Location { get; } = location;

    /// <summary>"an object", "a string", ... for messages about wrong value types.</summary>
    public abstract string KindDescription { get; }
}
