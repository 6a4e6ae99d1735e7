namespace FormationControl.Core.Profiles;

/// <summary>
/// One problem in a profile or grading recipe file: where (source, 1-based line and column, JSON path) and what.
/// <see cref="ToString"/> gives the compiler-style <c>source:line:column: jsonPath: message</c>.
/// </summary>
public sealed record ProfileDiagnostic(string Source, int Line, int Column, string JsonPath, string Message)
{
    /// <summary><c>source:line:column: jsonPath: message</c>.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}: {JsonPath}: {Message}";
}
