using FormationControl.Core.Profiles;

namespace FormationControl.Core.Tests.Support;

internal static class DiagnosticAssert
{
    /// <summary>Asserts exactly one diagnostic, at <paramref name="at"/> with <paramref name="path"/>, whose message contains <paramref name="message"/>.</summary>
    public static ProfileDiagnostic Single(IReadOnlyList<ProfileDiagnostic> diagnostics, string path, (int Line, int Column) at, string message)
    {
        Assert.True(diagnostics.Count == 1, "expected one diagnostic, got:\n" + string.Join("\n", diagnostics));
        var diagnostic = diagnostics[0];
        Matches(diagnostic, path, at, message);
        return diagnostic;
    }

    /// <summary>Asserts that some diagnostic matches.</summary>
    public static ProfileDiagnostic Contains(IReadOnlyList<ProfileDiagnostic> diagnostics, string path, (int Line, int Column) at, string message)
    {
        var found = diagnostics.FirstOrDefault(d => d.JsonPath == path && d.Line == at.Line && d.Column == at.Column && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(found is not null, $"expected {at.Line}:{at.Column}: {path}: ...{message}... among:\n" + string.Join("\n", diagnostics));
        return found;
    }

    public static void Matches(ProfileDiagnostic diagnostic, string path, (int Line, int Column) at, string message)
    {
        Assert.Equal(path, diagnostic.JsonPath);
        Assert.Equal(at, (diagnostic.Line, diagnostic.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }
}
