using System.Text;
using System.Threading.Channels;

namespace FormationControl.Devices.Meter;

/// <summary>
/// An <see cref="IMeterLink"/> over a byte stream (a serial port's): a reader splits what arrives into lines at CR,
/// LF or CR LF; commands go out ended by CR LF. Closing runs off the caller's path with a bounded wait, because a
/// serial port with unsent output can block in close.
/// </summary>
public sealed class StreamMeterLink : IMeterLink
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(2);
    private const int MaxLine = 1024;

    private readonly Stream _stream;
    private readonly Action _close;
    private readonly TimeProvider _time;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private Exception? _failure;
    private int _disposed;

    /// <param name="name">The device, for messages.</param>
    /// <param name="stream">The open line.</param>
    /// <param name="close">Closes the line (may block; it is run on a thread of its own).</param>
    /// <param name="time">The clock that bounds reads.</param>
    public StreamMeterLink(string name, Stream stream, Action close, TimeProvider? time = null)
    {
        Name = name;
        _stream = stream;
        _close = close;
        _time = time ?? TimeProvider.System;
        _reader = Task.Run(ReadLinesAsync);
    }

    public string Name { get; }

    /// <summary>How long a command may take to go out before the line counts as gone. Default 2 s.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public async ValueTask WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        byte[] bytes = Encoding.ASCII.GetBytes(line + "\r\n");
        try
        {
            // A serial port whose device vanished can leave a write pending for ever: the wait is bounded here, and a
            // write that does not finish is abandoned (the line is closed off the caller's path on dispose).
            await WriteAndFlushAsync(bytes, cancellationToken).WaitAsync(WriteTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new IOException($"Meter on {Name}: cannot send '{line}': the line took no data for {WriteTimeout.TotalSeconds:0.#} s (is the device still there?)");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new IOException($"Meter on {Name}: cannot send '{line}': {e.Message}", e);
        }
    }

    private async Task WriteAndFlushAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<string?> TryReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            return await _lines.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            ThrowIfFailed();
            throw new IOException($"Meter on {Name}: the line is closed.");
        }
    }

    public void DiscardInput()
    {
        while (_lines.Reader.TryRead(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.Run(_close).WaitAsync(CloseWait, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The port is stuck in close; its thread finishes on its own. Never hang the caller.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
        }

        try
        {
            await _reader.WaitAsync(CloseWait, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadLinesAsync()
    {
        var line = new StringBuilder();
        byte[] buffer = new byte[256];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int n = await _stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new IOException("end of stream");
                }

                for (int i = 0; i < n; i++)
                {
                    char c = (char)buffer[i];
                    if (c is '\r' or '\n')
                    {
                        if (line.Length > 0)
                        {
                            _lines.Writer.TryWrite(line.ToString());
                            line.Clear();
                        }
                    }
                    else if (line.Length < MaxLine)
                    {
                        line.Append(c);
                    }
                }
            }

            _lines.Writer.TryComplete();
        }
        catch (OperationCanceledException)
        {
            _lines.Writer.TryComplete();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            _failure = e;
            _lines.Writer.TryComplete(e);
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } e)
        {
            throw new IOException($"Meter on {Name}: the line failed: {e.Message}", e);
        }
    }
}
