using System.IO.Pipelines;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Modbus.Tests.Support;

/// <summary>
/// A serial line in memory: what one end writes, the other reads. For tests that need speed or full control of
/// the line's failure (property tests, a port that vanishes at a chosen moment); the serial behaviour itself is
/// tested on real ptys.
/// </summary>
internal sealed class MemoryLine
{
    private readonly Pipe _aToB = new(new PipeOptions(useSynchronizationContext: false));
    private readonly Pipe _bToA = new(new PipeOptions(useSynchronizationContext: false));

    public MemoryLine()
    {
        EndA = new End("memory-A", _bToA.Reader, _aToB.Writer);
        EndB = new End("memory-B", _aToB.Reader, _bToA.Writer);
    }

    public End EndA { get; }

    public End EndB { get; }

    /// <summary>The line fails: reads at both ends throw <see cref="IOException"/>.</summary>
    public void Break()
    {
        var failure = new IOException("the memory line was cut");
        _aToB.Writer.Complete(failure);
        _bToA.Writer.Complete(failure);
    }

    internal sealed class End(string name, PipeReader reader, PipeWriter writer) : IRtuPort
    {
        public string Name { get; } = name;

        public Stream Stream { get; } = new DuplexStream(reader.AsStream(), writer.AsStream());

        public int Closes { get; private set; }

        public void Close() => Closes++;
    }

    private sealed class DuplexStream(Stream input, Stream output) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => output.Flush();

        public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            input.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await output.WriteAsync(buffer, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
