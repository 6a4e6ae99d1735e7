namespace FormationControl.Core.Tests.Support;

/// <summary>
/// Where a piece of text is, found by plain searching: an oracle for diagnostic positions that shares no code
/// with the parser under test.
/// </summary>
internal static class TextPosition
{
    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th (1-based) <paramref name="needle"/>.</summary>
    public static (int Line, int Column) Of(string text, string needle, int occurrence = 1)
    {
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"test setup: occurrence {occurrence} of '{needle}' not found");
        }

        int lineStart = text.LastIndexOf('\n', index) + 1;
        int line = 1 + text.AsSpan(0, index).Count('\n');
        return (line, index - lineStart + 1);
    }
}
