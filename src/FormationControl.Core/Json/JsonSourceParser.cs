using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FormationControl.Core.Json;

/// <summary>
/// Parses JSON text into a small tree of <see cref="JsonSourceNode"/>s that remember their JSON path and
/// line/column, which <see cref="JsonDocument"/> forgets. Strict JSON: no comments, no trailing commas.
/// A syntax error stops the parse (the reader cannot recover) and is reported with its position.
/// Duplicate property names are reported; the first one wins.
/// </summary>
internal static partial class JsonSourceParser
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>The root node, or null after reporting why there is none.</summary>
    public static JsonSourceNode? Parse(string json, DiagnosticList diagnostics)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            diagnostics.Report(JsonPath.Root, new SourceLocation(1, 1), "the file is empty; expected a JSON object");
            return null;
        }

        return new Builder(Encoding.UTF8.GetBytes(json), diagnostics).Parse();
    }

    // The reader appends its own "LineNumber: x | BytePositionInLine: y." that we replace by line:column.
    [GeneratedRegex(@"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex ReaderPositionSuffix();

    private sealed class Builder(byte[] utf8, DiagnosticList diagnostics)
    {
        private readonly LineMap _lines = new(utf8);

        // Where the reader was when it threw, so that a syntax error also gets a JSON path.
        private string _path = JsonPath.Root;

        public JsonSourceNode? Parse()
        {
            var reader = new Utf8JsonReader(utf8, Options);
            try
            {
                reader.Read();
                var root = ReadValue(ref reader, JsonPath.Root);
                _path = JsonPath.Root;
                reader.Read(); // throws on anything but whitespace after the root value
                return root;
            }
            catch (JsonException e)
            {
                var location = _lines.At(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
                diagnostics.Report(_path, location, "invalid JSON: " + ReaderPositionSuffix().Replace(e.Message, string.Empty));
                return null;
            }
        }

        private JsonSourceNode ReadValue(ref Utf8JsonReader reader, string path)
        {
            _path = path;
            var location = _lines.At(reader.TokenStartIndex);
            return reader.TokenType switch
            {
                JsonTokenType.StartObject => ReadObject(ref reader, path, location),
                JsonTokenType.StartArray => ReadArray(ref reader, path, location),
                JsonTokenType.String => new JsonSourceScalar(path, location, JsonValueKind.String, reader.GetString()!, !reader.ValueIsEscaped),
                JsonTokenType.Number => new JsonSourceScalar(path, location, JsonValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan)),
                JsonTokenType.True => new JsonSourceScalar(path, location, JsonValueKind.True, "true"),
                JsonTokenType.False => new JsonSourceScalar(path, location, JsonValueKind.False, "false"),
                _ => new JsonSourceScalar(path, location, JsonValueKind.Null, "null"),
            };
        }

        private JsonSourceObject ReadObject(ref Utf8JsonReader reader, string path, SourceLocation location)
        {
            var properties = new List<JsonSourceProperty>();
            var firstSeen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string name = reader.GetString()!;
                var nameLocation = _lines.At(reader.TokenStartIndex);
                string childPath = JsonPath.Property(path, name);
                _path = childPath;
                reader.Read();
                var value = ReadValue(ref reader, childPath);
                if (firstSeen.TryGetValue(name, out var first))
                {
                    diagnostics.Report(childPath, nameLocation, $"duplicate field '{name}' (first written at line {first.Line}, column {first.Column})");
                }
                else
                {
                    firstSeen.Add(name, nameLocation);
                    properties.Add(new JsonSourceProperty(name, nameLocation, value));
                }

                _path = path;
            }

            return new JsonSourceObject(path, location, properties);
        }

        private JsonSourceArray ReadArray(ref Utf8JsonReader reader, string path, SourceLocation location)
        {
            var items = new List<JsonSourceNode>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(ReadValue(ref reader, JsonPath.Index(path, items.Count)));
                _path = path;
            }

            return new JsonSourceArray(path, location, items);
        }
    }
}
