using FormationControl.Core.Text;

namespace FormationControl.Core.Tests.Text;

public class SpellingSuggestionTests
{
    private static readonly string[] Fields = ["label", "type", "description", "current", "voltage", "limits", "logging"];

    [Theory]
    [InlineData("currnet", "current")]
    [InlineData("Current", "current")]
    [InlineData("volatge", "voltage")]
    [InlineData("limit", "limits")]
    [InlineData("tpye", "type")]
    [InlineData("lable", "label")]
    public void Suggests_the_close_name(string typo, string expected) =>
        Assert.Equal(expected, SpellingSuggestion.Closest(typo, Fields));

    [Theory]
    [InlineData("foo")]
    [InlineData("temperature")]
    [InlineData("x")]
    public void Suggests_nothing_for_unrelated_words(string word) =>
        Assert.Null(SpellingSuggestion.Closest(word, Fields));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("chargeCC", "chargecc", 0)]
    [InlineData("ca", "abc", 3)]
    public void Distance_counts_edits(string a, string b, int expected)
    {
        Assert.Equal(expected, SpellingSuggestion.Distance(a, b));
        Assert.Equal(expected, SpellingSuggestion.Distance(b, a));
    }
}
