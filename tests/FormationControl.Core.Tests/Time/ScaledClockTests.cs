using FormationControl.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Core.Tests.Time;

public class ScaledClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_and_timestamps_run_factor_times_faster_from_creation()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledClock(inner, 60);
        long t0 = clock.GetTimestamp();

        inner.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(Start.AddMinutes(2), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(2), clock.GetElapsedTime(t0));
    }

    [Fact]
    public void A_timer_fires_after_its_period_divided_by_the_factor_also_after_a_change()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledClock(inner, 10);
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        inner.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        inner.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        inner.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, fired);

        timer.Change(TimeSpan.FromSeconds(50), Timeout.InfiniteTimeSpan);
        inner.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(2, fired);
        inner.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(3, fired);
        inner.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, fired);
    }

    [Fact]
    public async Task A_periodic_timer_on_the_scaled_clock_ticks_at_the_scaled_period()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledClock(inner, 100);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(100), clock);

        var tick = timer.WaitForNextTickAsync().AsTask();
        inner.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(tick.IsCompleted);
        inner.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await tick.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_factor_that_is_not_positive_and_finite_is_refused(double factor)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledClock(new FakeTimeProvider(Start), factor));
        Assert.Equal("factor", e.ParamName);
    }
}
