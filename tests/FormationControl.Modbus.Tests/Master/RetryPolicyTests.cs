using System.Diagnostics;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Master;

public class RetryPolicyTests
{
    [Fact]
    public void Back_off_doubles_from_the_first_wait_up_to_the_cap()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300), TimeProvider.System);

        Assert.Equal(
            new[] { 50, 100, 200, 300, 300 },
            Enumerable.Range(1, 5).Select(retry => (int)policy.DelayBefore(retry).TotalMilliseconds));
    }

    [Fact]
    public void A_zero_back_off_retries_at_once()
    {
        var policy = new RetryPolicy(3, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeProvider.System);

        Assert.Equal(TimeSpan.Zero, policy.DelayBefore(3));
    }

    [Fact]
    public void Only_timeouts_and_broken_links_are_retried_and_only_as_often_as_allowed()
    {
        var policy = new RetryPolicy(2, TimeSpan.Zero, TimeSpan.Zero, TimeProvider.System);
        var timeout = new ModbusTimeoutException(1, 3, TimeSpan.FromSeconds(1));
        var broken = new ModbusTransportException("x:1", "reset");

        Assert.True(policy.ShouldRetry(0, timeout));
        Assert.True(policy.ShouldRetry(1, broken));
        Assert.False(policy.ShouldRetry(2, timeout));
        Assert.False(policy.ShouldRetry(0, new ModbusException(3, ModbusExceptionCode.IllegalDataAddress)));
        Assert.False(policy.ShouldRetry(0, new ModbusProtocolException("bad echo")));
        Assert.False(policy.ShouldRetry(0, new OperationCanceledException()));
    }

    [Fact]
    public async Task A_master_waits_the_back_off_before_it_sends_again()
    {
        // Real clock: the resend must not come before timeout (100 ms) + back-off (250 ms) have passed.
        await using var peer = ScriptedSlave.Start();
        var options = new ModbusTcpMasterOptions { Timeout = TimeSpan.FromMilliseconds(100), Retries = 1, RetryBackoff = TimeSpan.FromMilliseconds(250) };
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port, options);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        var clock = Stopwatch.StartNew();
        Task writing = master.WriteSingleRegisterAsync(1, 2, 3).AsTask();
        await peer.ReadRequestAsync();
        var again = await peer.ReadRequestAsync();
        TimeSpan gap = clock.Elapsed;
        await peer.AnswerAsync(again.TransactionId, 1, again.Pdu);
        await writing.Within();

        Assert.True(gap >= TimeSpan.FromMilliseconds(340), $"resent after {gap.TotalMilliseconds} ms");
    }
}
