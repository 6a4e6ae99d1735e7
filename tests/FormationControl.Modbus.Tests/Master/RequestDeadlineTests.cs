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
}
