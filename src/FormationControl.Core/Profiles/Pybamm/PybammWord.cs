namespace FormationControl.Core.Profiles.Pybamm;

/// <summary>One word of a step string and where it starts in the string (0-based, UTF-16).</summary>
internal readonly record struct PybammWord(string Text, int Offset)
{
    /// <summary>Whether the word is <paramref name="keyword"/>, ignoring case ("Until", "until").</summary>
    public bool Is(string keyword) => string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Splits at white space; parentheses are words of their own, so "(1 minute period)" is "(", "1", "minute", "period", ")".
    /// </summary>
    public static List<PybammWord> Split(string text)
    {
        var words = new List<PybammWord>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            bool separator = char.IsWhiteSpace(c) || c is '(' or ')';
            if (separator && start >= 0)
            {
                words.Add(new PybammWord(text[start..i], start));
                start = -1;
            }

            if (c is '(' or ')')
            {
                words.Add(new PybammWord(c.ToString(), i));
            }
            else if (!separator && start < 0)
            {
                start = i;
            }
        }

        return words;
    }
}
