using System.IO.Ports;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Modbus.Tests.Master;

/// <summary>Our RTU master on a real pty, the other end driven byte by byte.</summary>
public sealed class ModbusRtuMasterTests : IAsyncLifetime
{
    private static readonly SerialLineSettings Line = new(115200, Parity.None);
    private readonly FakeTimeProvider _time = new();
    private SocatPair _pair = null!;
    private RawSerialEnd _slave = null!;
    private ModbusRtuMaster _master = null!;

    public async Task InitializeAsync()
    {
        _pair = await SocatPair.StartAsync();
        _slave = RawSerialEnd.Open(_pair.PortA);
        _master = ModbusRtuMaster.Open(_pair.PortB, Line, Options());
    }

    public async Task DisposeAsync()
    {
        await _master.DisposeAsync().Within();
        await _slave.DisposeAsync();
        await _pair.DisposeAsync();
    }

    [Fact]
    public async Task Sends_the_spec_frame_and_decodes_the_answer()
    {
        Task<ushort[]> reading = _master.ReadHoldingRegistersAsync(1, 0, 10);

        Assert.Equal("01030000000AC5CD", await _slave.ReadHexAsync(8));
        await _slave.WriteAsync(RawSerialEnd.Frame("0103140001000200030004000500060007000800090010"));

        Assert.Equal(new ushort[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 16 }, await reading.Within());
    }

    [Fact]
    public async Task Garbage_before_a_split_answer_is_hunted_past()
    {
        Task<bool[]> reading = _master.ReadCoilsAsync(7, 3, 10);
        await _slave.ReadAsync(8);
        byte[] answer = RawSerialEnd.Frame("0701020502");

        await _slave.WriteAsync([0x00, 0xFF, 0x07, 0x01, 0x02]); // noise, then a false start of the answer
        await _slave.WriteAsync(answer[..3]);
        await _slave.WriteAsync(answer[3..]);

        Assert.Equal(new[] { true, false, true, false, false, false, false, false, false, true }, await reading.Within());
        Assert.Equal(5, _master.DiscardedBytes);
    }

    [Fact]
    public async Task An_answer_with_a_bad_crc_is_not_accepted_and_the_request_times_out()
    {
        Task<ushort[]> reading = _master.ReadInputRegistersAsync(1, 0, 1);
        await _slave.ReadAsync(8);
        byte[] corrupt = RawSerialEnd.Frame("0104021234");
        corrupt[3] ^= 0x01;
        await _slave.WriteAsync(corrupt);

        _time.Advance(TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<ModbusTimeoutException>(() => reading.Within());
        Assert.Equal(4, e.FunctionCode);
    }

    [Fact]
    public async Task A_late_answer_to_a_timed_out_request_is_dropped_not_given_to_the_next()
    {
        Task<ushort[]> first = _master.ReadHoldingRegistersAsync(1, 0, 3);
        await _slave.ReadAsync(8);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => first.Within());

        Task<ushort[]> second = _master.ReadHoldingRegistersAsync(1, 0, 2);
        await _slave.ReadAsync(8);
        await _slave.WriteAsync([.. RawSerialEnd.Frame("010306000100020003"), .. RawSerialEnd.Frame("010304AAAABBBB")]);

        Assert.Equal(new ushort[] { 0xAAAA, 0xBBBB }, await second.Within());
    }

    [Fact]
    public async Task An_exception_answer_throws_ModbusException()
    {
        Task writing = _master.WriteMultipleRegistersAsync(2, 100, new ushort[] { 1, 2 }).AsTask();
        Assert.Equal(Convert.ToHexString(RawSerialEnd.Frame("0210006400020400010002")), await _slave.ReadHexAsync(13));
        await _slave.WriteAsync(RawSerialEnd.Frame("029002"));

        var e = await Assert.ThrowsAsync<ModbusException>(() => writing.Within());
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
        Assert.Equal(16, e.FunctionCode);
    }

    [Fact]
    public async Task A_write_echo_that_differs_is_a_protocol_error()
    {
        Task writing = _master.WriteSingleRegisterAsync(1, 5, 0x1234).AsTask();
        await _slave.ReadAsync(8);
        await _slave.WriteAsync(RawSerialEnd.Frame("010600051235"));

        await Assert.ThrowsAsync<ModbusProtocolException>(() => writing.Within());
    }

    [Fact]
    public async Task Every_function_goes_out_as_the_spec_frames_it()
    {
        async Task Expect(Task call, string requestHex, string answerHex)
        {
            byte[] request = RawSerialEnd.Frame(requestHex);
            Assert.Equal(Convert.ToHexString(request), await _slave.ReadHexAsync(request.Length));
            await _slave.WriteAsync(RawSerialEnd.Frame(answerHex));
            await call.Within();
        }

        await Expect(_master.ReadDiscreteInputsAsync(1, 0xC4, 22), "010200C40016", "010203ACDB35");
        await Expect(_master.WriteSingleCoilAsync(1, 0xAC, true).AsTask(), "010500ACFF00", "010500ACFF00");
        await Expect(_master.WriteSingleCoilAsync(1, 0xAC, false).AsTask(), "010500AC0000", "010500AC0000");
        await Expect(_master.WriteMultipleCoilsAsync(1, 0x13, new[] { true, false, true, true, false, false, true, true, true, false }).AsTask(),
            "010F0013000A02CD01", "010F0013000A");
        await Expect(_master.ReadWriteMultipleRegistersAsync(1, 3, 6, 14, new ushort[] { 0xFF, 0xFF, 0xFF }),
            "011700030006000E00030600FF00FF00FF", "01170C00FE0ACD00010003000D00FF");
    }

    [Fact]
    public async Task A_broadcast_write_is_sent_to_unit_0_and_no_answer_is_awaited()
    {
        await _master.WriteSingleRegisterAsync(0, 1, 3).Within();

        Assert.Equal(Convert.ToHexString(RawSerialEnd.Frame("000600010003")), await _slave.ReadHexAsync(8));
    }

    [Fact]
    public async Task A_broadcast_read_is_refused_before_anything_is_sent()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _master.ReadHoldingRegistersAsync(0, 0, 1).Within());

        Assert.Contains("broadcast", e.Message);
        Assert.Equal(0, _slave.Pending);
    }

    [Fact]
    public async Task Retries_send_the_same_frame_again_after_a_timeout()
    {
        await using var master = ModbusRtuMaster.Open(
            _pair.PortB, Line, new ModbusRtuMasterOptions { TimeProvider = _time, Retries = 1, RetryBackoff = TimeSpan.Zero, InterFrameDelay = TimeSpan.Zero });
        await _master.DisposeAsync();

        Task writing = master.WriteSingleCoilAsync(1, 9, true).AsTask();
        string first = await _slave.ReadHexAsync(8);
        _time.Advance(TimeSpan.FromSeconds(1));
        string again = await _slave.ReadHexAsync(8);
        await _slave.WriteAsync(Convert.FromHexString(again));

        await writing.Within();
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task A_caller_that_cancels_gets_OperationCanceledException_and_the_line_stays_usable()
    {
        using var cancel = new CancellationTokenSource();
        Task reading = _master.ReadHoldingRegistersAsync(1, 0, new ushort[1], cancel.Token).AsTask();
        await _slave.ReadAsync(8);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.Within());
        Task<ushort[]> next = _master.ReadHoldingRegistersAsync(1, 0, 1);
        await _slave.ReadAsync(8);
        await _slave.WriteAsync(RawSerialEnd.Frame("0103020007"));
        Assert.Equal(new ushort[] { 7 }, await next.Within());
    }

    [Fact]
    public async Task The_inter_frame_delay_keeps_the_line_silent_before_each_request()
    {
        await _master.DisposeAsync();
        await using var master = ModbusRtuMaster.Open(_pair.PortB, Line, new ModbusRtuMasterOptions { TimeProvider = _time, InterFrameDelay = TimeSpan.FromMilliseconds(40) });
        Task<ushort[]> first = master.ReadHoldingRegistersAsync(1, 0, 1);
        await _slave.ReadAsync(8);
        await _slave.WriteAsync(RawSerialEnd.Frame("0103020001"));
        await first.Within();

        Task<ushort[]> second = master.ReadHoldingRegistersAsync(1, 0, 1);
        _time.Advance(TimeSpan.FromMilliseconds(39));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _slave.ReadAsync(8);
        await _slave.WriteAsync(RawSerialEnd.Frame("0103020002"));

        Assert.Equal(new ushort[] { 2 }, await second.Within());
    }

    [Fact]
    public void The_device_and_settings_are_reported()
    {
        Assert.Equal(_pair.PortB, _master.Device);
        Assert.Equal("115200 baud 8N1", _master.Settings.ToString());
    }

    [Fact]
    public void A_port_that_does_not_exist_fails_with_a_transport_error_naming_it()
    {
        string missing = Path.Combine(_pair.Directory, "no-such-tty");

        var e = Assert.Throws<ModbusTransportException>(() => ModbusRtuMaster.Open(missing, Line));

        Assert.Equal(missing, e.Endpoint);
        Assert.Contains(missing, e.Message);
    }

    private ModbusRtuMasterOptions Options() => new() { TimeProvider = _time, InterFrameDelay = TimeSpan.Zero };
}
