using FormationControl.Core.Text;

namespace FormationControl.Core.Json;

/// <summary>
/// The fields of one JSON object checked against the names its section allows: unknown names are reported
/// (with a "did you mean" hint) as soon as the object is opened; missing required ones when asked for.
/// </summary>
internal sealed class JsonFields
{
    private readonly DiagnosticList _diagnostics;

    private JsonFields(JsonSourceObject source, string what, DiagnosticList diagnostics)
    {
        Object = source;
        What = what;
        _diagnostics = diagnostics;
    }

    public JsonSourceObject Object { get; }

    /// <summary>What the object is, for messages: "the cell", "a step".</summary>
    public string What { get; }

    /// <summary>Opens <paramref name="node"/> as an object of <paramref name="knownFields"/>; null (reported) if it is not an object.</summary>
    public static JsonFields? Open(JsonSourceNode node, string what, IReadOnlyCollection<string> knownFields, DiagnosticList diagnostics)
    {
        if (node is not JsonSourceObject source)
        {
            diagnostics.Report(node, $"{what} must be an object, not {node.KindDescription}");
            return null;
        }

        foreach (var property in source.Properties.Where(p => !knownFields.Contains(p.Name)))
        {
            string hint = SpellingSuggestion.Closest(property.Name, knownFields) is { } suggestion
                ? $"; did you mean '{suggestion}'?"
                : $"; expected one of: {string.Join(", ", knownFields)}";
            diagnostics.Report(JsonPath.Property(source.Path, property.Name), property.NameLocation, $"unknown field '{property.Name}' in {what}{hint}");
        }

        return new JsonFields(source, what, diagnostics);
    }

    public JsonSourceNode? Optional(string name) => Object.TryGetValue(name, out var value) ? value : null;

    /// <summary>The field's value, or null after reporting it missing (at the object) with <paramref name="why"/> appended.</summary>
    public JsonSourceNode? Required(string name, string? why = null)
    {
        if (Object.TryGetValue(name, out var value))
        {
            return value;
        }

        _diagnostics.Report(Object, $"{What} needs a '{name}' field{(why is null ? string.Empty : " " + why)}");
        return null;
    }

    public bool Has(string name) => Object.TryGetValue(name, out _);

    /// <summary>The position of a field's name, for problems about the field rather than its value.</summary>
    public SourceLocation NameLocation(string name) =>
        Object.Properties.First(p => p.Name == name).NameLocation;
}
