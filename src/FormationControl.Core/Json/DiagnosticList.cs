using FormationControl.Core.Profiles;

namespace FormationControl.Core.Json;

/// <summary>Collects every problem found in one pass over a file, so a user sees them all at once.</summary>
internal sealed class DiagnosticList(string source)
{
    private readonly List<ProfileDiagnostic> _items = [];

    public string Source { get; } = source;

    public int Count => _items.Count;

    public void Report(JsonSourceNode node, string message) => Report(node.Path, node.Location, message);

    public void Report(string path, SourceLocation location, string message) =>
        _items.Add(new ProfileDiagnostic(Source, location.Line, location.Column, path, message));

    /// <summary>Takes over the problems found in another file this one refers to (a cell file).</summary>
    public void AddFrom(DiagnosticList other) => _items.AddRange(other._items);

    /// <summary>In file order (stable for problems at the same place); problems of referenced files come after this file's.</summary>
    public IReadOnlyList<ProfileDiagnostic> InFileOrder() =>
        [.. _items.OrderBy(d => d.Source == Source ? 0 : 1).ThenBy(d => d.Source, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)];
}
