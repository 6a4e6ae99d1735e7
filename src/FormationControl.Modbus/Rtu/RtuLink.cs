using FormationControl.Modbus.Master;

namespace FormationControl.Modbus.Rtu;

/// <summary>
/// One serial line over its life: opens the port, keeps one read pending on it at all times (a pump that feeds a
/// <see cref="RtuFrameScanner"/> and signals arrivals), writes frames, and notices when the port fails. A failed
/// port is closed on a thread of its own, because closing a serial port after a write that timed out can block
/// indefinitely; reopening waits for that close at most <c>closeTimeout</c>, then goes ahead without it.
/// Requests are serialised by the owner; only the pump runs beside them.
/// </summary>
internal sealed class RtuLink : IAsyncDisposable
{
    private readonly Func<IRtuPort> _open;
    private readonly TimeProvider _time;
    private readonly TimeSpan _closeTimeout;
    private readonly Lock _lock = new();
    private readonly RtuFrameScanner _scanner = new();
    private readonly SemaphoreSlim _arrived = new(0, 1);
    private readonly Lock _signalLock = new();
    private Connection? _current;
    private Task _closing = Task.CompletedTask;
    private bool _everOpened;
    private volatile bool _disposed;
    private long _reopens;

    public RtuLink(string name, Func<IRtuPort> open, TimeProvider timeProvider, TimeSpan closeTimeout)
    {
        Name = name;
        _open = open;
        _time = timeProvider;
        _closeTimeout = closeTimeout;
    }

    /// <summary>The device, for messages.</summary>
    public string Name { get; }

    /// <summary>Bytes received that were not part of any frame taken.</summary>
    public long DiscardedBytes
    {
        get
        {
            lock (_lock)
            {
                return _scanner.DiscardedBytes;
            }
        }
    }

    /// <summary>Times the port was opened again after a failure.</summary>
    public long Reopens => Interlocked.Read(ref _reopens);

    /// <summary>Whether the port is open and has not failed.</summary>
    public bool IsUp => Volatile.Read(ref _current) is { Failure: null };

    /// <summary>Opens the port unless it is open and healthy; a failed one is closed first (bounded wait).</summary>
    /// <exception cref="ModbusTransportException">The port cannot be opened.</exception>
    public async ValueTask EnsureOpenAsync(CancellationToken ct)
    {
        Connection? current = Volatile.Read(ref _current);
        if (current is { Failure: null })
        {
            return;
        }

        if (current is not null)
        {
            BeginClose(current);
        }

        await WaitForCloseAsync(ct).ConfigureAwait(false);
        Open();
    }

    /// <summary>Opens the port; only when none is open (first use, or after the failed one was closed).</summary>
    /// <exception cref="ModbusTransportException">The port cannot be opened.</exception>
    public void Open()
    {
        if (_disposed)
        {
            throw new ModbusTransportException(Name, "the link was closed");
        }

        IRtuPort port;
        try
        {
            port = _open();
        }
        catch (IOException e)
        {
            throw new ModbusTransportException(Name, e.Message, e);
        }

        var fresh = new Connection(port);
        lock (_lock)
        {
            if (_disposed)
            {
                // Closed while opening: this port is nobody's.
                fresh.TryBeginClose();
                port.Close();
                throw new ModbusTransportException(Name, "the link was closed");
            }

            _scanner.Clear();
            _current = fresh;
        }

        ResetSignal();
        if (_everOpened)
        {
            Interlocked.Increment(ref _reopens);
        }

        _everOpened = true;
        fresh.Pump = PumpAsync(fresh);
    }

    /// <summary>Drops everything received so far (stale bytes must not be taken for the next answer).</summary>
    public void ClearReceived()
    {
        lock (_lock)
        {
            _scanner.Clear();
        }

        ResetSignal();
    }

    /// <summary>Writes <paramref name="frame"/>; a port that fails while writing is marked failed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled first; the link is left as it is.</exception>
    /// <exception cref="ModbusTransportException">The port failed.</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> frame, CancellationToken token)
    {
        Connection connection = Healthy();
        try
        {
            await connection.Port.Stream.WriteAsync(frame, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw Fail(connection, $"writing failed: {e.Message}", e);
        }
    }

    /// <summary>Takes the next frame <paramref name="rule"/> accepts, if one is complete.</summary>
    public bool TryReadFrame<TRule>(TRule rule, Span<byte> destination, out int length)
        where TRule : struct, IRtuFrameRule
    {
        lock (_lock)
        {
            return _scanner.TryReadFrame(rule, destination, out length);
        }
    }

    /// <summary>After a silence: takes everything buffered if it is one frame with a valid CRC, else drops it.</summary>
    public bool TryTakeSilentFrame(Span<byte> destination, out int length)
    {
        lock (_lock)
        {
            return _scanner.TryTakeSilentFrame(destination, out length);
        }
    }

    /// <summary>Whether any received bytes wait undecided.</summary>
    public bool HasBufferedBytes
    {
        get
        {
            lock (_lock)
            {
                return _scanner.BufferedBytes > 0;
            }
        }
    }

    /// <summary>Waits until more bytes arrive (or the port fails, which throws <see cref="ModbusTransportException"/>).</summary>
    public async ValueTask WaitForBytesAsync(CancellationToken token)
    {
        Healthy();
        await _arrived.WaitAsync(token).ConfigureAwait(false);
        Healthy();
    }

    /// <summary>Marks the port failed and starts closing it; the next <see cref="EnsureOpenAsync"/> reopens.</summary>
    public ModbusTransportException Fail(string problem, Exception? cause)
    {
        Connection? connection = Volatile.Read(ref _current);
        return connection is null ? new ModbusTransportException(Name, problem, cause) : Fail(connection, problem, cause);
    }

    public async ValueTask DisposeAsync()
    {
        Connection? connection;
        lock (_lock)
        {
            _disposed = true;
            connection = _current;
            _current = null;
        }

        if (connection is not null)
        {
            connection.TrySetFailure(new ModbusTransportException(Name, "the link was closed"));
            BeginClose(connection);
        }

        Signal(); // wakes a request waiting for bytes, which then finds the link closed
        await WaitForCloseAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private Connection Healthy()
    {
        Connection connection = Volatile.Read(ref _current) ?? throw new ModbusTransportException(Name, "the port is closed");
        if (connection.Failure is { } failure)
        {
            throw new ModbusTransportException(Name, failure.Message, failure);
        }

        return connection;
    }

    private ModbusTransportException Fail(Connection connection, string problem, Exception? cause)
    {
        var failure = new ModbusTransportException(Name, problem, cause);
        if (connection.TrySetFailure(failure))
        {
            BeginClose(connection);
        }

        Signal();
        return failure;
    }

    private async Task PumpAsync(Connection connection)
    {
        byte[] chunk = new byte[RtuFrame.MaxLength];
        try
        {
            while (true)
            {
                int count = await connection.Port.Stream.ReadAsync(chunk, connection.Stopping.Token).ConfigureAwait(false);
                if (count == 0)
                {
                    Fail(connection, "the port reported end of stream (the device went away)", null);
                    return;
                }

                lock (_lock)
                {
                    if (_current != connection)
                    {
                        return;
                    }

                    _scanner.Append(chunk.AsSpan(0, count));
                }

                Signal();
            }
        }
        catch (Exception e)
        {
            // The read failed, or the port is being closed: either way no byte comes from it any more.
            if (!connection.Stopping.IsCancellationRequested)
            {
                Fail(connection, $"reading failed: {e.Message}", e);
            }
        }
    }

    private void Signal()
    {
        // The count never exceeds one: a waiter re-checks the buffer after each wake anyway.
        lock (_signalLock)
        {
            if (_arrived.CurrentCount == 0)
            {
                _arrived.Release();
            }
        }
    }

    /// <summary>Forgets an arrival signalled before now (a try-acquire that never blocks).</summary>
    private void ResetSignal() => _arrived.Wait(TimeSpan.Zero, CancellationToken.None);

    private void BeginClose(Connection connection)
    {
        if (!connection.TryBeginClose())
        {
            return;
        }

        connection.Stopping.Cancel();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                connection.Port.Close();
            }
            catch (Exception)
            {
                // A port that cannot even be closed is abandoned; the next open reports what is wrong.
            }

            closed.SetResult();
        })
        {
            IsBackground = true,
            Name = $"Modbus RTU close {Name}",
        };
        thread.Start();
        _closing = closed.Task;
    }

    private async Task WaitForCloseAsync(CancellationToken ct)
    {
        try
        {
            await _closing.WaitAsync(_closeTimeout, _time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The old port hangs in close on its own thread; opening again may still work (or say why not).
        }
    }

    /// <summary>One opened port and its pump.</summary>
    private sealed class Connection(IRtuPort port)
    {
        private Exception? _failure;
        private int _closing;

        public IRtuPort Port { get; } = port;

        public CancellationTokenSource Stopping { get; } = new();

        public Task Pump { get; set; } = Task.CompletedTask;

        public Exception? Failure => Volatile.Read(ref _failure);

        public bool TrySetFailure(Exception failure) => Interlocked.CompareExchange(ref _failure, failure, null) is null;

        public bool TryBeginClose() => Interlocked.Exchange(ref _closing, 1) == 0;
    }
}
