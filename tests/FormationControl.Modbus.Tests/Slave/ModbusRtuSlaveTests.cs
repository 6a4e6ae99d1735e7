using System.IO.Ports;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Slave;

/// <summary>Our RTU slave on a real pty, the master's end driven byte by byte.</summary>
#pragma warning disable CA1001 // xunit disposes the slave through IAsyncLifetime.DisposeAsync
public sealed class ModbusRtuSlaveTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly SerialLineSettings Line = new(115200, Parity.Even);
    private readonly RegisterBank _bank = new(100, [1, 2]);
    private SocatPair _pair = null!;
    private ModbusRtuSlave _slave = null!;
    private RawSerialEnd _master = null!;

    public async Task InitializeAsync()
    {
        _pair = await SocatPair.StartAsync();
        _slave = new ModbusRtuSlave(new ThrowingStore(_bank, failingFrom: 90), new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero });
        _slave.Start(_pair.PortA, Line);
        _master = RawSerialEnd.Open(_pair.PortB, 115200, Parity.Even);
    }

    public async Task DisposeAsync()
    {
        await _slave.DisposeAsync().Within();
        await _master.DisposeAsync();
        await _pair.DisposeAsync();
    }

    [Fact]
    public async Task Answers_the_spec_read_with_its_registers()
    {
        await _master.WriteAsync(Convert.FromHexString("01030000000AC5CD"));

        Assert.Equal(Hex("010314000000010002000300040005000600070008 0009"), await _master.ReadHexAsync(25));
        Assert.Equal(1, _slave.RequestsAnswered);
    }

    [Fact]
    public async Task Serves_every_unit_of_the_store()
    {
        _bank.SetRegister(2, ModbusTable.InputRegisters, 4, 0xBEEF);

        await _master.WriteAsync(RawSerialEnd.Frame("020400040001"));

        Assert.Equal(Hex("020402BEEF"), await _master.ReadHexAsync(7));
    }

    [Fact]
    public async Task Frames_for_other_units_are_stepped_over_and_never_answered()
    {
        await _master.WriteAsync([.. RawSerialEnd.Frame("090300000002"), .. RawSerialEnd.Frame("0110000100020400070008"), .. RawSerialEnd.Frame("010300010002")]);

        // The first bytes that come back answer the request for unit 1 after the write (unit 9's request got nothing).
        Assert.Equal(Hex("0110 00010002"), await _master.ReadHexAsync(8));
        Assert.Equal(Hex("0103040007 0008"), await _master.ReadHexAsync(9));
        Assert.Equal(1, _slave.FramesIgnored);
    }

    [Fact]
    public async Task A_broadcast_write_is_carried_out_for_every_unit_and_never_answered()
    {
        await _master.WriteAsync([.. RawSerialEnd.Frame("000600050063"), .. RawSerialEnd.Frame("000F000A00010101"), .. RawSerialEnd.Frame("020300050001")]);

        Assert.Equal(Hex("0203020063"), await _master.ReadHexAsync(7));
        Assert.Equal(0x63, _bank.GetRegister(1, ModbusTable.HoldingRegisters, 5));
        Assert.True(_bank.GetBit(1, ModbusTable.Coils, 10));
        Assert.True(_bank.GetBit(2, ModbusTable.Coils, 10));
        Assert.Equal(2, _slave.BroadcastsReceived);
        Assert.Equal(1, _slave.RequestsAnswered);
    }

    [Fact]
    public async Task A_broadcast_read_is_ignored()
    {
        await _master.WriteAsync([.. RawSerialEnd.Frame("000300000001"), .. RawSerialEnd.Frame("010300000001")]);

        Assert.Equal(Hex("0103020000"), await _master.ReadHexAsync(7));
        Assert.Equal(0, _slave.BroadcastsReceived);
    }

    [Theory]
    [InlineData("0141", "01C101")] // a function it does not know, framed by the silence after it
    [InlineData("0103FFFF0002", "018302")] // past address 65535
    [InlineData("0103000000 7E", "018303")] // 126 registers
    [InlineData("010600000064 ", "0106000000 64")] // control: a valid write is echoed
    [InlineData("0103005A0001", "018304")] // the store throws from address 90 on
    public async Task Answers_with_the_exception_the_request_deserves(string request, string answer)
    {
        await _master.WriteAsync(RawSerialEnd.Frame(request.Replace(" ", "", StringComparison.Ordinal)));

        Assert.Equal(Hex(answer), await _master.ReadHexAsync(RawSerialEnd.Frame(answer.Replace(" ", "", StringComparison.Ordinal)).Length));
    }

    [Fact]
    public async Task A_request_of_the_wrong_length_is_answered_with_exception_3()
    {
        // A read with two extra bytes: the CRC covers them, so after the silence it is one (malformed) frame.
        await _master.WriteAsync(RawSerialEnd.Frame("0103000000010000"));

        Assert.Equal(Hex("018303"), await _master.ReadHexAsync(5));
    }

    [Fact]
    public async Task Garbage_cut_frames_and_bad_crcs_never_stop_it_answering_the_next_valid_request()
    {
        byte[] good = RawSerialEnd.Frame("010300030001");
        byte[] badCrc = (byte[])good.Clone();
        badCrc[^1] ^= 0xFF;
        var random = new Random(3);
        byte[] noise = new byte[600];
        random.NextBytes(noise);

        await _master.WriteAsync(noise);
        await _master.WriteAsync(good[..5]); // cut short
        await _master.WriteAsync(badCrc);
        await _master.WriteAsync(good);

        // Whatever the noise provoked (a random valid frame is possible in principle), the answer to the good request comes.
        byte[] expected = RawSerialEnd.Frame("0103020003");
        byte[] received = [];
        while (received.Length < expected.Length || !received.AsSpan(received.Length - expected.Length).SequenceEqual(expected))
        {
            received = [.. received, .. await _master.ReadAsync(1)];
        }

        Assert.True(_slave.DiscardedBytes > 0);
    }

    [Fact]
    public async Task Keeps_the_inter_frame_delay_before_answering()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var slave = new ModbusRtuSlave(_bank, new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.FromMilliseconds(80) });
        slave.Start(pair.PortA, Line);
        await using var master = RawSerialEnd.Open(pair.PortB, 115200, Parity.Even);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await master.WriteAsync(RawSerialEnd.Frame("010300000001"));
        await master.ReadAsync(7);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(80), $"answered after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_port_that_cannot_be_opened_is_reported_by_name()
    {
        await using var slave = new ModbusRtuSlave(_bank);
        string missing = Path.Combine(_pair.Directory, "missing");

        var e = Assert.ThrowsAny<IOException>(() => slave.Start(missing, Line));

        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public async Task Reopens_the_port_after_the_line_comes_back()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var slave = new ModbusRtuSlave(_bank, new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero, ReopenDelay = TimeSpan.FromMilliseconds(50) });
        slave.Start(pair.PortA, Line);
        await pair.KillAsync();

        await using var again = await SocatPair.StartAsync(pair.Directory);
        await using var master = RawSerialEnd.Open(again.PortB, 115200, Parity.Even);
        byte[] answer = [];
        for (int attempt = 0; attempt < 100 && answer.Length == 0; attempt++)
        {
            // Until the slave has reopened, a request may go unheard; each try waits for its answer briefly.
            await master.WriteAsync(RawSerialEnd.Frame("010300070001"));
            answer = await TryReadAsync(master, 7, TimeSpan.FromMilliseconds(200));
        }

        Assert.Equal(Hex("0103020007"), Convert.ToHexString(answer));
        Assert.NotNull(slave.LastPortError);
    }

    private static async Task<byte[]> TryReadAsync(RawSerialEnd end, int count, TimeSpan wait)
    {
        try
        {
            return await end.ReadAsync(count).WaitAsync(wait);
        }
        catch (TimeoutException)
        {
            return [];
        }
    }

    private static string Hex(string unitAndPdu) => Convert.ToHexString(RawSerialEnd.Frame(unitAndPdu.Replace(" ", "", StringComparison.Ordinal)));
}
