namespace FormationControl.Storage.Tests;

public class QuantisedSampleTests
{
    private static readonly DateTimeOffset Time = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void ValuesAreRoundedToTheirResolution()
    {
        var sample = new SampleRecord(7, 3, Time, 12.3456, 3.71236, -10.00004, 31.46, 0.123456, 0.45678);

        var quantised = QuantisedSample.From(sample);

        Assert.Equal(12346, quantised.StepTimeMs);
        Assert.Equal(37124, quantised.Voltage);
        Assert.Equal(-100000, quantised.Current);
        Assert.Equal(315, quantised.Temperature);
        Assert.Equal(12346, quantised.StepAh);
        Assert.Equal(4568, quantised.StepWh);
        Assert.Equal(Time.ToUnixTimeMilliseconds(), quantised.TimeMs);
    }

    [Theory]
    [InlineData(4_000, 0)]
    [InlineData(6_000, 1)]
    [InlineData(-4_000, 0)]
    [InlineData(-6_000, -1)]
    [InlineData(-16_000, -2)]
    public void TimeRoundsToTheNearestMillisecondEvenBefore1970(long ticksFromEpoch, long expectedMs)
    {
        var sample = TestRecords.Sample(1, 0, 0) with { Time = DateTimeOffset.UnixEpoch.AddTicks(ticksFromEpoch) };

        Assert.Equal(expectedMs, QuantisedSample.From(sample).TimeMs);
    }

    [Fact]
    public void RecordComesBackInUtcWithinResolution()
    {
        var sample = new SampleRecord(7, 3, Time.AddTicks(1234), 12.3456, 3.71236, -10.00004, 31.46, 0.123456, 0.45678);

        var restored = QuantisedSample.From(sample).ToRecord();

        Tolerance.AssertWithinResolution(sample, restored);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteValueIsRefusedNamingTheField(double bad)
    {
        var sample = TestRecords.Sample(42, 5, 1) with { CurrentA = bad };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => QuantisedSample.From(sample));

        Assert.Contains("CurrentA", error.Message, StringComparison.Ordinal);
        Assert.Contains("run 42", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueBeyondTheStorableRangeIsRefused()
    {
        var sample = TestRecords.Sample(42, 5, 1) with { StepAh = 1e12 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => QuantisedSample.From(sample));

        Assert.Contains("StepAh", error.Message, StringComparison.Ordinal);
        Assert.Contains("beyond the storable range", error.Message, StringComparison.Ordinal);
    }
}
