using FormationControl.Modbus.Master;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Modbus.Tests.Master;

public class RequestDeadlineTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Expires_exactly_at_the_timeout()
    {
        using var deadline = new RequestDeadline(_time);
        CancellationToken token = deadline.Start(TimeSpan.FromSeconds(1), CancellationToken.None);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(token.IsCancellationRequested);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(token.IsCancellationRequested);
        Assert.True(deadline.Expired);
    }

    [Fact]
    public void A_stopped_deadline_never_fires_and_its_token_is_reused()
    {
        using var deadline = new RequestDeadline(_time);
        CancellationToken first = deadline.Start(TimeSpan.FromSeconds(1), CancellationToken.None);
        deadline.Stop();
        _time.Advance(TimeSpan.FromSeconds(5));

        CancellationToken second = deadline.Start(TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.False(first.IsCancellationRequested);
        Assert.Equal(first, second);
        Assert.False(deadline.Expired);
    }

    [Fact]
    public void The_caller_cancelling_is_not_an_expiry_and_the_next_request_gets_a_fresh_token()
    {
        using var deadline = new RequestDeadline(_time);
        using var caller = new CancellationTokenSource();
        CancellationToken token = deadline.Start(TimeSpan.FromSeconds(1), caller.Token);

        caller.Cancel();
        Assert.True(token.IsCancellationRequested);
        Assert.False(deadline.Expired);
        deadline.Stop();

        CancellationToken next = deadline.Start(TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.False(next.IsCancellationRequested);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(next.IsCancellationRequested);
        Assert.True(deadline.Expired);
    }

    [Fact]
    public void A_later_request_expires_at_its_own_deadline_though_the_timer_was_set_for_an_earlier_one()
    {
        var counting = new CountingTimeProvider(_time);
        using var deadline = new RequestDeadline(counting);
        deadline.Start(TimeSpan.FromSeconds(1), CancellationToken.None);
        deadline.Stop();
        _time.Advance(TimeSpan.FromMilliseconds(600));

        CancellationToken token = deadline.Start(TimeSpan.FromSeconds(1), CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(400)); // the timer fires for the first request's deadline
        Assert.False(token.IsCancellationRequested);
        _time.Advance(TimeSpan.FromMilliseconds(599));
        Assert.False(token.IsCancellationRequested);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(token.IsCancellationRequested);
        Assert.True(deadline.Expired);
    }

    [Fact]
    public void Back_to_back_requests_do_not_move_the_timer_each_time()
    {
        var counting = new CountingTimeProvider(_time);
        using var deadline = new RequestDeadline(counting);

        for (int i = 0; i < 1000; i++)
        {
            deadline.Start(TimeSpan.FromSeconds(1), CancellationToken.None);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            deadline.Stop();
        }

        // Set once, and once more each time it fired (every second of virtual time) with a request in flight.
        Assert.InRange(counting.Changes, 1, 3);
    }

    /// <summary>Counts how often timers are moved.</summary>
    private sealed class CountingTimeProvider(TimeProvider inner) : TimeProvider
    {
        public int Changes { get; private set; }

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new CountingTimer(this, inner.CreateTimer(callback, state, dueTime, period));

        private sealed class CountingTimer(CountingTimeProvider owner, ITimer timer) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                owner.Changes++;
                return timer.Change(dueTime, period);
            }

            public void Dispose() => timer.Dispose();

            public ValueTask DisposeAsync() => timer.DisposeAsync();
        }
    }
}
