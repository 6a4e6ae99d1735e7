using FormationControl.Controller.Operations;

namespace FormationControl.Controller.Tests.Operations;

public class ChannelRangesTests
{
    [Fact]
    public void Ranges_and_singles_become_sorted_channels_without_repeats()
    {
        Assert.True(ChannelRanges.TryParse("12, 1-8,3,20-21", 64, out var channels, out _));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 12, 20, 21], channels);
    }

    [Fact]
    public void The_whole_rack_is_every_channel()
    {
        Assert.True(ChannelRanges.TryParse("1-64", 64, out var channels, out _));
        Assert.Equal(Enumerable.Range(1, 64), channels);
    }

    [Theory]
    [InlineData("1-8,x", "'x' is not a channel")]
    [InlineData("1-2-3", "'1-2-3' is not a channel")]
    [InlineData("", "'' is not a channel")]
    [InlineData("-3", "'-3' is not a channel")]
    [InlineData("0-4", "outside the rack's channels 1 to 64")]
    [InlineData("60-65", "'60-65' is outside the rack's channels 1 to 64")]
    [InlineData("8-1", "runs backwards")]
    public void Bad_lists_name_the_bad_part(string text, string expected)
    {
        Assert.False(ChannelRanges.TryParse(text, 64, out var channels, out string? error));
        Assert.Null(channels);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
