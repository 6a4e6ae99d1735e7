using System.Text;
using FormationControl.Devices.Meter;

namespace FormationControl.Devices.Tests.Meter;

public class StreamMeterLinkTests
{
    [Fact]
    public async Task Splits_lines_at_cr_lf_or_either_and_reports_the_end_of_the_line_naming_the_device()
    {
        var stream = new MemoryStream(Encoding.ASCII.GetBytes("A\rB\nC\r\n\r\n"));
        await using var link = new StreamMeterLink("/dev/ttyTEST", stream, stream.Dispose);

        Assert.Equal("A", await link.TryReadLineAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal("B", await link.TryReadLineAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal("C", await link.TryReadLineAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        var gone = await Assert.ThrowsAsync<IOException>(() => link.TryReadLineAsync(TimeSpan.FromSeconds(5), CancellationToken.None).AsTask());
        Assert.Contains("/dev/ttyTEST", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_with_nothing_to_read_gives_null_after_its_timeout_in_virtual_time()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var silent = new BlockingStream();
        await using var link = new StreamMeterLink("/dev/ttyTEST", silent, silent.Dispose, time);

        var read = link.TryReadLineAsync(TimeSpan.FromSeconds(1), CancellationToken.None).AsTask();
        Assert.False(read.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await read.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Commands_go_out_ended_by_cr_lf()
    {
        using var sink = new BlockingStream();
        await using var link = new StreamMeterLink("/dev/ttyTEST", sink, sink.Dispose);
        await link.WriteLineAsync("*IDN?", CancellationToken.None);
        Assert.Equal("*IDN?\r\n", Encoding.ASCII.GetString(sink.Written.ToArray()));
    }

    [Fact]
    public async Task A_write_the_line_never_takes_is_an_io_error_after_the_write_timeout_in_virtual_time()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var stuck = new BlockingStream { WritesNeverFinish = true };
        await using var link = new StreamMeterLink("/dev/ttyGONE", stuck, stuck.Dispose, time);

        var write = link.WriteLineAsync("READ?", CancellationToken.None).AsTask();
        Assert.False(write.IsCompleted);
        time.Advance(link.WriteTimeout);
        var gone = await Assert.ThrowsAsync<IOException>(() => write.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("Meter on /dev/ttyGONE: cannot send 'READ?'", gone.Message, StringComparison.Ordinal);
    }

    // A line that never sends anything until it is closed; records what is written.
    private sealed class BlockingStream : Stream
    {
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public MemoryStream Written { get; } = new();

        public bool WritesNeverFinish { get; init; }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (WritesNeverFinish)
            {
                await _closed.Task; // like a vanished serial device: the write neither finishes nor fails
            }

            Written.Write(buffer.Span);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _closed.Task.WaitAsync(cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _closed.TrySetResult();
            base.Dispose(disposing);
        }
    }
}
