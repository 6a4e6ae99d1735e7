using System.IO.Ports;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Modbus.Tests.Master;

/// <summary>The serial line vanishing, sticking and coming back.</summary>
public sealed class ModbusRtuMasterLinkTests
{
    private static readonly SerialLineSettings Line = new(115200, Parity.None);

    [Fact]
    public async Task A_line_that_vanishes_fails_the_request_and_the_next_one_reopens_it_when_it_is_back()
    {
        var bank = new RegisterBank(100, [1]);
        await using var pair = await SocatPair.StartAsync();
        var slave = new ModbusRtuSlave(bank, new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero });
        slave.Start(pair.PortA, Line);
        await using var master = ModbusRtuMaster.Open(pair.PortB, Line, new ModbusRtuMasterOptions { InterFrameDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) });
        Assert.Equal(new ushort[] { 5 }, await master.ReadHoldingRegistersAsync(1, 5, 1).Within());

        await pair.KillAsync();
        await slave.DisposeAsync().Within();

        var e = await Assert.ThrowsAsync<ModbusTransportException>(() => master.ReadHoldingRegistersAsync(1, 5, 1).Within());
        Assert.Equal(pair.PortB, e.Endpoint);

        await using var again = await SocatPair.StartAsync(pair.Directory);
        await using var slaveAgain = new ModbusRtuSlave(bank, new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero });
        slaveAgain.Start(again.PortA, Line);

        Assert.Equal(new ushort[] { 6 }, await master.ReadHoldingRegistersAsync(1, 6, 1).Within());
        Assert.True(master.Reopens >= 1);
    }

    [Fact]
    public async Task A_request_retried_across_the_reopen_succeeds()
    {
        var bank = new RegisterBank(100, [1]);
        var time = new FakeTimeProvider();
        var line = new MemoryLine();
        var replacement = new MemoryLine();
        int opens = 0;
        await using var master = ModbusRtuMaster.Open(
            "memory", () => ++opens == 1 ? line.EndB : replacement.EndB, Line,
            new ModbusRtuMasterOptions { TimeProvider = time, Retries = 1, RetryBackoff = TimeSpan.Zero, InterFrameDelay = TimeSpan.Zero });
        var slave = new ModbusRtuSlave(bank, new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero });
        slave.Start("memory", () => replacement.EndA, Line);
        line.Break();

        ushort[] read = await master.ReadHoldingRegistersAsync(1, 7, 2).Within();

        Assert.Equal(new ushort[] { 7, 8 }, read);
        Assert.Equal(2, opens);
        await slave.DisposeAsync();
    }

    [Fact]
    public async Task A_stuck_write_fails_as_a_broken_link_and_reopening_does_not_hang()
    {
        // Nobody reads the other end, so once the pty and socat buffers are full no write can finish.
        await using var pair = await SocatPair.StartAsync();
        var options = new ModbusRtuMasterOptions
        {
            Timeout = TimeSpan.FromMilliseconds(300),
            InterFrameDelay = TimeSpan.Zero,
            BroadcastTurnaround = TimeSpan.Zero,
            CloseTimeout = TimeSpan.FromMilliseconds(500),
        };
        // A fast line, so the broadcasts' time on the wire (which the master waits out) stays short.
        await using var master = ModbusRtuMaster.Open(pair.PortB, new SerialLineSettings(921600, Parity.None), options);
        ushort[] block = new ushort[123];

        ModbusTransportException? stuck = null;
        for (int i = 0; i < 20_000 && stuck is null; i++)
        {
            try
            {
                await master.WriteMultipleRegistersAsync(0, 0, block).Within();
            }
            catch (ModbusTransportException e)
            {
                stuck = e;
            }
        }

        Assert.NotNull(stuck);
        Assert.Contains("could not be written", stuck.Message);

        // Someone reads the line now: the master reopens (never waiting on the stuck close for long) and works.
        await using var reader = RawSerialEnd.Open(pair.PortA);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await master.WriteSingleRegisterAsync(0, 1, 2).Within();
                break;
            }
            catch (ModbusTransportException) when (attempt < 10)
            {
                // On a loaded machine the reader may not have drained what socat buffered before the first try.
            }
        }

        Assert.True(master.Reopens >= 1);
    }

    [Fact]
    public async Task A_port_whose_close_hangs_is_left_behind_after_the_close_timeout()
    {
        var time = new FakeTimeProvider();
        using var release = new ManualResetEventSlim();
        using var first = new HangingClosePort(new MemoryLine().EndB, release);
        var line = new MemoryLine();
        int opens = 0;
        var options = new ModbusRtuMasterOptions { TimeProvider = time, InterFrameDelay = TimeSpan.Zero, CloseTimeout = TimeSpan.FromSeconds(2) };
        await using var master = ModbusRtuMaster.Open("memory", () => ++opens == 1 ? first : line.EndB, Line, options);
        await using var slave = new ModbusRtuSlave(new RegisterBank(10, [1]), new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero });
        slave.Start("memory", () => line.EndA, Line);
        first.Fail();
        await first.Closing.Within();

        Task<ushort[]> reading = master.ReadHoldingRegistersAsync(1, 3, 1);
        Assert.False(reading.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(new ushort[] { 3 }, await reading.Within());
        Assert.Equal(2, opens);
        release.Set();
    }

    /// <summary>
    /// A port whose close blocks until released, as a serial port can after a write that timed out. The hang
    /// cannot be produced on demand with a real port, so this one port is a stand-in.
    /// </summary>
    private sealed class HangingClosePort(IRtuPort inner, ManualResetEventSlim release) : IRtuPort, IDisposable
    {
        private readonly TaskCompletionSource _closing = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly FailingStream _stream = new(inner.Stream);

        public string Name => inner.Name;

        public Stream Stream => _stream;

        public Task Closing => _closing.Task;

        public void Fail() => _stream.Fail();

        public void Dispose() => _stream.Dispose();

        public void Close()
        {
            _closing.TrySetResult();
            release.Wait(TimeSpan.FromSeconds(30)); // bounded, in case the test ends before releasing it
        }
    }

    /// <summary>Passes reads through until told to fail them.</summary>
    private sealed class FailingStream(Stream inner) : Stream
    {
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Fail() => _failed.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Task<int> read = inner.ReadAsync(buffer, cancellationToken).AsTask();
            if (await Task.WhenAny(read, _failed.Task) != read)
            {
                throw new IOException("the device went away");
            }

            return await read;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
