using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Modbus.Tests.Master;

/// <summary><see cref="ModbusTcpMasterOptions.MaxOutstandingRequests"/> above 1: answers matched by transaction id.</summary>
public sealed class ModbusTcpMasterPipeliningTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private ScriptedSlave _peer = null!;
    private ModbusTcpMaster _master = null!;

    public async Task InitializeAsync()
    {
        _peer = ScriptedSlave.Start();
        var options = new ModbusTcpMasterOptions { TimeProvider = _time, MaxOutstandingRequests = 3, Timeout = TimeSpan.FromSeconds(1) };
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", _peer.Port, options);
        await _peer.AcceptAsync();
        _master = await connecting.Within();
    }

    public async Task DisposeAsync()
    {
        await _master.DisposeAsync().Within();
        await _peer.DisposeAsync();
    }

    [Fact]
    public async Task Requests_go_out_before_earlier_answers_and_answers_in_any_order_reach_their_callers()
    {
        Task<ushort[]> a = _master.ReadHoldingRegistersAsync(1, 10, 1);
        Task<ushort[]> b = _master.ReadHoldingRegistersAsync(1, 20, 1);
        Task<ushort[]> c = _master.ReadHoldingRegistersAsync(1, 30, 1);
        var requests = new[] { await _peer.ReadRequestAsync(), await _peer.ReadRequestAsync(), await _peer.ReadRequestAsync() };

        // Answer in reverse order, each with the address it was asked for as its value.
        foreach (var request in requests.Reverse())
        {
            await _peer.AnswerAsync(request.TransactionId, 1, 0x03, 0x02, request.Pdu[1], request.Pdu[2]);
        }

        Assert.Equal(new ushort[] { 10 }, await a.Within());
        Assert.Equal(new ushort[] { 20 }, await b.Within());
        Assert.Equal(new ushort[] { 30 }, await c.Within());
        Assert.Equal(3, requests.Select(r => r.TransactionId).Distinct().Count());
    }

    [Fact]
    public async Task No_more_than_the_limit_are_outstanding()
    {
        Task<ushort[]>[] reads = Enumerable.Range(0, 4).Select(i => _master.ReadHoldingRegistersAsync(1, (ushort)i, 1)).ToArray();
        var first = await _peer.ReadRequestAsync();
        await _peer.ReadRequestAsync();
        await _peer.ReadRequestAsync();

        // The fourth goes out only once an answer frees a slot.
        await _peer.AnswerAsync(first.TransactionId, 1, 0x03, 0x02, 0x00, 0x00);
        var fourth = await _peer.ReadRequestAsync();

        Assert.Equal(3, fourth.Pdu[2]);
        await reads[0].Within();
    }

    [Fact]
    public async Task A_late_answer_after_a_timeout_and_a_duplicate_are_dropped()
    {
        Task<ushort[]> timedOut = _master.ReadHoldingRegistersAsync(1, 1, 1);
        var late = await _peer.ReadRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => timedOut.Within());

        Task<ushort[]> next = _master.ReadHoldingRegistersAsync(1, 2, 1);
        var request = await _peer.ReadRequestAsync();
        await _peer.AnswerAsync(late.TransactionId, 1, 0x03, 0x02, 0x0B, 0xAD);
        await _peer.AnswerAsync(request.TransactionId, 1, 0x03, 0x02, 0x00, 0x02);
        await _peer.AnswerAsync(request.TransactionId, 1, 0x03, 0x02, 0x0B, 0xAD);

        Assert.Equal(new ushort[] { 2 }, await next.Within());
        Task<ushort[]> after = _master.ReadHoldingRegistersAsync(1, 3, 1);
        var third = await _peer.ReadRequestAsync();
        await _peer.AnswerAsync(third.TransactionId, 1, 0x03, 0x02, 0x00, 0x03);
        Assert.Equal(new ushort[] { 3 }, await after.Within());
        Assert.Equal(2, _master.DiscardedResponses);
    }

    [Fact]
    public async Task A_broken_link_fails_every_request_in_flight_and_the_next_request_reconnects()
    {
        Task<ushort[]> a = _master.ReadHoldingRegistersAsync(1, 1, 1);
        Task<ushort[]> b = _master.ReadHoldingRegistersAsync(1, 2, 1);
        await _peer.ReadRequestAsync();
        await _peer.ReadRequestAsync();

        _peer.Hangup();

        await Assert.ThrowsAsync<ModbusTransportException>(() => a.Within());
        await Assert.ThrowsAsync<ModbusTransportException>(() => b.Within());
        Task<ushort[]> next = _master.ReadHoldingRegistersAsync(1, 5, 1);
        await _peer.AcceptAsync();
        var request = await _peer.ReadRequestAsync();
        await _peer.AnswerAsync(request.TransactionId, 1, 0x03, 0x02, 0x00, 0x05);
        Assert.Equal(new ushort[] { 5 }, await next.Within());
        Assert.Equal(1, _master.Reconnects);
    }

    [Fact]
    public async Task A_caller_that_cancels_leaves_the_others_alone()
    {
        using var cancel = new CancellationTokenSource();
        Task<ushort[]> cancelled = _master.ReadHoldingRegistersAsync(1, 1, 1, cancel.Token);
        Task<ushort[]> kept = _master.ReadHoldingRegistersAsync(1, 2, 1);
        var first = await _peer.ReadRequestAsync();
        var second = await _peer.ReadRequestAsync();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Within());
        await _peer.AnswerAsync(first.TransactionId, 1, 0x03, 0x02, 0x00, 0x01);
        await _peer.AnswerAsync(second.TransactionId, 1, 0x03, 0x02, 0x00, 0x02);

        Assert.Equal(new ushort[] { 2 }, await kept.Within());
    }

    [Fact]
    public async Task Against_our_slave_many_concurrent_callers_each_get_their_own_answer()
    {
        var bank = new RegisterBank(3000, [1]);
        await using var slave = LoopbackSlave.Start(bank);
        await using var master = await slave.ConnectAsync(new ModbusTcpMasterOptions { MaxOutstandingRequests = 16 });

        ushort[][] results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => master.ReadHoldingRegistersAsync(1, (ushort)(i * 5), 3))).Within();

        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(new[] { (ushort)(i * 5), (ushort)((i * 5) + 1), (ushort)((i * 5) + 2) }, results[i]);
        }

        Assert.Equal(0, master.DiscardedResponses);
    }
}
