using FormationControl.Simulator.Clocks;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Simulator.Tests.Clocks;

public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Runs_speed_times_faster_than_its_inner_clock()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(120, inner, Start);
        long t0 = clock.GetTimestamp();
        inner.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(Start + TimeSpan.FromHours(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(1), clock.GetElapsedTime(t0));
        Assert.Equal(120, clock.Speed);
    }

    [Fact]
    public void Timers_fire_after_their_due_time_divided_by_the_speed()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(100, inner, Start);
        int fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(50));
        inner.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        inner.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        inner.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, fired);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        inner.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, fired);
    }

    [Fact]
    public async Task A_delay_on_the_scaled_clock_is_shorter_on_the_inner_one()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(1000, inner, Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(60), clock);
        inner.Advance(TimeSpan.FromMilliseconds(59));
        Assert.False(delay.IsCompleted);
        inner.Advance(TimeSpan.FromMilliseconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_speed_that_is_not_positive_is_refused(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(speed));
    }
}
