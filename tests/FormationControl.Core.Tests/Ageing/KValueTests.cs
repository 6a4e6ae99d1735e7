using FormationControl.Core.Ageing;

namespace FormationControl.Core.Tests.Ageing;

public class KValueTests
{
    private static readonly DateTimeOffset T1 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fall_of_3_mV_over_7_days_at_constant_temperature()
    {
        Assert.True(KValue.TryCompute(new OcvReading(T1, 3.6500, 25), new OcvReading(T1.AddDays(7), 3.6470, 25), 0.0003, 25, out double k, out _));
        Assert.Equal(3.0 / 7, k, 9);
    }

    [Fact]
    public void A_cooler_second_session_is_not_read_as_self_discharge()
    {
        // 0.3 mV/K: 5 K cooler lowers the OCV by 1.5 mV with no charge lost.
        var first = new OcvReading(T1, 3.6500, 25);
        var second = new OcvReading(T1.AddDays(5), 3.6485, 20);
        Assert.True(KValue.TryCompute(first, second, 0.0003, 25, out double compensated, out _));
        Assert.Equal(0, compensated, 9);
        Assert.True(KValue.TryCompute(first, second, 0, 25, out double raw, out _));
        Assert.Equal(0.3, raw, 9);
    }

    [Fact]
    public void Second_reading_must_be_later()
    {
        Assert.False(KValue.TryCompute(new OcvReading(T1, 3.65, 25), new OcvReading(T1, 3.64, 25), 0, 25, out _, out string? problem));
        Assert.Contains("not after", problem, StringComparison.Ordinal);
    }
}
