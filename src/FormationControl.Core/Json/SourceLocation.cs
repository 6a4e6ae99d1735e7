namespace FormationControl.Core.Json;

/// <summary>A 1-based line and column (in UTF-16 characters) in a source text.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>"line:column".</summary>
    public override string ToString() => $"{Line}:{Column}";
}
