namespace FormationControl.Storage.Tests;

public class BsonTimeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(330)]
    [InlineData(-420)]
    public void InstantRoundTripsToTheTickWithItsOffset(int offsetMinutes)
    {
        var time = new DateTimeOffset(2031, 12, 31, 23, 59, 59, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(9_999_999);

        Assert.True(BsonTime.TryParse(BsonTime.Format(time), out var parsed));

        Assert.Equal(time.UtcTicks, parsed.UtcTicks);
        Assert.Equal(time.Offset, parsed.Offset);
    }

    [Fact]
    public void OtherTextIsNotAnInstant() => Assert.False(BsonTime.TryParse("14/03/2025 08:30", out _));
}
