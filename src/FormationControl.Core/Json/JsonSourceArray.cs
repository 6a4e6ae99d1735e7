namespace FormationControl.Core.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonSourceArray(string path, SourceLocation location, IReadOnlyList<JsonSourceNode> items)
    : JsonSourceNode(path, location)
{
    public IReadOnlyList<JsonSourceNode> Items { get; } = items;

    public override string KindDescription => "an array";
}
