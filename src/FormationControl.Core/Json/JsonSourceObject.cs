using System.Diagnostics.CodeAnalysis;

namespace FormationControl.Core.Json;

/// <summary>A JSON object whose properties keep their order and the position of their names.</summary>
internal sealed class JsonSourceObject(string path, SourceLocation location, IReadOnlyList<JsonSourceProperty> properties)
    : JsonSourceNode(path, location)
{
    public IReadOnlyList<JsonSourceProperty> Properties { get; } = properties;

    public override string KindDescription => "an object";

    /// <summary>The first property called <paramref name="name"/> (duplicates are reported by the parser).</summary>
    public bool TryGetValue(string name, [NotNullWhen(true)] out JsonSourceNode? value)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                value = property.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}
