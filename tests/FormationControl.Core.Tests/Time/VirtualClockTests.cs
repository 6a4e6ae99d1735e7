using FormationControl.Core.Time;

namespace FormationControl.Core.Tests.Time;

public class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_stands_still_until_advanced()
    {
        var clock = new VirtualClock(Start);
        Assert.Equal(Start, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(Start.AddHours(20), clock.GetUtcNow());
    }

    [Fact]
    public void Elapsed_time_follows_the_clock()
    {
        var clock = new VirtualClock(Start);
        long t0 = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(t0));
    }

    [Fact]
    public void Timers_fire_in_due_order_at_their_due_time()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([("early", Start.AddSeconds(10)), ("late", Start.AddSeconds(30))], fired);
        Assert.Equal(Start.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void Periodic_timer_fires_once_per_period_and_stops_when_disposed()
    {
        var clock = new VirtualClock(Start);
        int count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(5.5));
        Assert.Equal(5, count);
        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(5, count);
    }

    [Fact]
    public async Task Task_delay_on_the_clock_completes_when_the_clock_passes_it()
    {
        var clock = new VirtualClock(Start);
        var delay = Task.Delay(TimeSpan.FromHours(1), clock);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Moving_backwards_is_refused()
    {
        var clock = new VirtualClock(Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }
}
