using System.Text.Json;

namespace FormationControl.Core.Json;

/// <summary>
/// A string, number, true, false or null. <see cref="Text"/> is the unescaped string for strings and the
/// literal as written for the others ("1e3", "true", "null").
/// </summary>
internal sealed class JsonSourceScalar(string path, SourceLocation location, JsonValueKind kind, string text)
    : JsonSourceNode(path, location)
{
    public JsonValueKind Kind { get; } = kind;

    public string Text { get; } = text;

    public override string KindDescription => Kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
