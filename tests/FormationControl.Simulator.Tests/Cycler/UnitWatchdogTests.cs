using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Tests.Cycler;

public sealed class UnitWatchdogTests
{
    [Fact]
    public void Expires_once_after_a_period_without_heartbeat_and_reports_when()
    {
        var watchdog = new UnitWatchdog(0);
        watchdog.Configure(100, 50);
        Assert.False(watchdog.TryExpire(150, out _)); // exactly one period: not longer than it
        Assert.True(watchdog.TryExpire(151, out long at));
        Assert.Equal(150, at);
        Assert.True(watchdog.IsTripped);
        Assert.False(watchdog.TryExpire(1000, out _));
        watchdog.Feed(1000);
        Assert.False(watchdog.IsTripped);
        Assert.True(watchdog.TryExpire(1101, out at));
        Assert.Equal(1100, at);
    }

    [Fact]
    public void A_zero_period_never_expires()
    {
        var watchdog = new UnitWatchdog(0);
        Assert.False(watchdog.TryExpire(long.MaxValue / 2, out _));
        watchdog.Configure(0, 10);
        Assert.False(watchdog.TryExpire(long.MaxValue / 2, out _));
    }
}
