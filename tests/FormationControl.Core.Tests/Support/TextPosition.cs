namespace FormationControl.Core.Tests.Support;

/// <summary>
/// Where a piece of text is, found by plain searching: an oracle for diagnostic positions that shares no code
/// with the parser under test.
/// </summary>
internal static class TextPosition
{
    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th (1-based) <paramref name="needle"/>.</summary>
    public static (int Line, int Column) Of(string text, string needle, int occurrence = 1) => Find(text, needle, occurrence, -1);

    /// <summary>Like <see cref="Of"/>, searching only after the "steps" key, so header values of the same text are skipped.</summary>
    public static (int Line, int Column) InSteps(string text, string needle, int occurrence = 1) =>
        Find(text, needle, occurrence, text.IndexOf("\"steps\"", StringComparison.Ordinal));

    private static (int Line, int Column) Find(string text, string needle, int occurrence, int index)
    {
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
