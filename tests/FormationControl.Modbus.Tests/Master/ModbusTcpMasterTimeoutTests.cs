using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Modbus.Tests.Master;

/// <summary>Requests that get no answer, a late answer, or are cancelled by their caller.</summary>
public sealed class ModbusTcpMasterTimeoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private ScriptedSlave _peer = null!;
    private ModbusTcpMaster _master = null!;

    public async Task InitializeAsync()
    {
        _peer = ScriptedSlave.Start();
        var options = new ModbusTcpMasterOptions { TimeProvider = _time, Timeout = TimeSpan.FromMilliseconds(500) };
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
    public async Task A_unit_our_slave_does_not_serve_times_out_on_the_real_clock()
    {
        await using var slave = LoopbackSlave.Start(new RegisterBank(10, [1]));
        // Retries let the answered read below ride out a loaded machine; the silent unit still times out every time.
        await using var master = await slave.ConnectAsync(new ModbusTcpMasterOptions { Timeout = TimeSpan.FromMilliseconds(150), Retries = 3 });

        var e = await Assert.ThrowsAsync<ModbusTimeoutException>(() => master.ReadHoldingRegistersAsync(2, 0, 1).Within());

        Assert.Equal("No response from unit 2 to function 3 within 150 ms", e.Message);
        Assert.Equal(2, e.UnitId);
        Assert.Equal(3, e.FunctionCode);
        Assert.Equal(new ushort[] { 4 }, await master.ReadHoldingRegistersAsync(1, 4, 1).Within());
    }

    [Fact]
    public async Task Timeout_is_measured_on_the_injected_clock()
    {
        Task<ushort[]> reading = _master.ReadInputRegistersAsync(5, 0, 2);
        await _peer.ReadRequestAsync();

        _time.Advance(TimeSpan.FromMilliseconds(500));

        var e = await Assert.ThrowsAsync<ModbusTimeoutException>(() => reading.Within());
        Assert.Equal(TimeSpan.FromMilliseconds(500), e.Timeout);
        Assert.Equal(4, e.FunctionCode);
    }

    [Fact]
    public async Task A_late_answer_to_a_timed_out_request_is_discarded_not_given_to_the_next_caller()
    {
        ushort[] first = new ushort[2], second = new ushort[2];
        Task timedOut = _master.ReadHoldingRegistersAsync(1, 0, first).AsTask();
        var request1 = await _peer.ReadRequestAsync();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => timedOut.Within());

        Task next = _master.ReadHoldingRegistersAsync(1, 0, second).AsTask();
        var request2 = await _peer.ReadRequestAsync();
        Assert.Equal(request1.TransactionId + 1, request2.TransactionId);

        // The stale answer arrives first, split across two writes, then the right one.
        byte[] stale = ScriptedSlave.Frame(request1.TransactionId, 1, 0x03, 0x04, 0x00, 0x6F, 0x00, 0xDE);
        await _peer.SendAsync(stale[..5]);
        await _peer.SendAsync([.. stale[5..], .. ScriptedSlave.Frame(request2.TransactionId, 1, 0x03, 0x04, 0x01, 0x4D, 0x01, 0xBC)]);
        await next.Within();

        Assert.Equal(new ushort[] { 333, 444 }, second);
        Assert.Equal(new ushort[] { 0, 0 }, first);
        Assert.Equal(1, _master.DiscardedResponses);
    }

    [Fact]
    public async Task Retries_resend_with_a_new_transaction_id_and_accept_the_answer_to_the_resend()
    {
        var options = new ModbusTcpMasterOptions { TimeProvider = _time, Timeout = TimeSpan.FromSeconds(1), Retries = 2, RetryBackoff = TimeSpan.Zero };
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port, options);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        Task writing = master.WriteSingleRegisterAsync(1, 7, 99).AsTask();
        var attempt1 = await peer.ReadRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var attempt2 = await peer.ReadRequestAsync();
        await peer.AnswerAsync(attempt2.TransactionId, 1, attempt2.Pdu);
        await writing.Within();

        Assert.Equal(attempt1.TransactionId + 1, attempt2.TransactionId);
        Assert.Equal(attempt1.Pdu, attempt2.Pdu);
    }

    [Fact]
    public async Task Retries_exhausted_throw_the_timeout()
    {
        var options = new ModbusTcpMasterOptions { TimeProvider = _time, Timeout = TimeSpan.FromSeconds(1), Retries = 1, RetryBackoff = TimeSpan.Zero };
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port, options);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        Task writing = master.WriteSingleCoilAsync(1, 7, true).AsTask();
        await peer.ReadRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await peer.ReadRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<ModbusTimeoutException>(() => writing.Within());
        Assert.Equal(5, e.FunctionCode);
    }

    [Fact]
    public async Task A_caller_that_cancels_gets_OperationCanceledException_and_the_link_stays_usable()
    {
        using var cancel = new CancellationTokenSource();
        Task reading = _master.ReadCoilsAsync(1, 0, new bool[3], cancel.Token).AsTask();
        var abandoned = await _peer.ReadRequestAsync();

        await cancel.CancelAsync();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.Within());
        Assert.IsNotType<ModbusTimeoutException>(e);
        Task<bool[]> next = _master.ReadCoilsAsync(1, 0, 3);
        var request = await _peer.ReadRequestAsync();
        await _peer.AnswerAsync(abandoned.TransactionId, 1, 0x01, 0x01, 0x07);
        await _peer.AnswerAsync(request.TransactionId, 1, 0x01, 0x01, 0x05);
        Assert.Equal(new[] { true, false, true }, await next.Within());
    }

    [Fact]
    public async Task An_answer_from_another_unit_is_a_protocol_error()
    {
        Task reading = _master.ReadHoldingRegistersAsync(1, 0, new ushort[1]).AsTask();
        var request = await _peer.ReadRequestAsync();
        await _peer.AnswerAsync(request.TransactionId, 2, 0x03, 0x02, 0x00, 0x01);

        var e = await Assert.ThrowsAsync<FormationControl.Modbus.Protocol.ModbusProtocolException>(() => reading.Within());
        Assert.Contains("unit 2, not 1", e.Message);
    }
}
