using System.Text.Json;

namespace FormationControl.Core.Json;

/// <summary>
/// A string, number, true, false or null. <see cref="Text"/> is the unescaped string for strings and the
/// literal as written for the others ("1e3", "true", "null").
/// </summary>
internal sealed class JsonSourceScalar(string path, SourceLocation location, JsonValueKind kind, string text, bool isVerbatim = true)
    : JsonSourceNode(path, location)
{
    public JsonValueKind Kind { get; } = kind;

    public string Text { get; } = text;

    /// <summary>
    /// True when <see cref="Text"/> is exactly what the file holds between the quotes (no escape sequences),
    /// so that character <c>i</c> of a string sits at column <c>Location.Column + 1 + i</c>.
    /// </summary>
    public bool IsVerbatim { get; } = isVerbatim;

    /// <summary>Where character <paramref name="offset"/> of a string's text is in the file; the string's start when that cannot be known.</summary>
    public SourceLocation LocationOf(int offset) =>
        Kind == JsonValueKind.String && IsVerbatim ? Location with { Column = Location.Column + 1 + offset } : Location;

    public override string KindDescription => Kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
