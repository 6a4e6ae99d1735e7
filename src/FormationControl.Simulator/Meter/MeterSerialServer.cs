using System.IO.Ports;
using System.Text;

namespace FormationControl.Simulator.Meter;

/// <summary>
/// Serves a <see cref="SimulatedMeter"/> on a serial line: ASCII command lines ended by CR, LF or CR LF in, response
/// lines ended by CR LF out. Every port setting is made before the port opens, and no modem line is needed (a pty
/// has none). If the line fails (the other end of a pty vanished, an adapter was unplugged) the port is closed off
/// the serving loop, with a bounded wait, and opened again after <see cref="ReopenDelay"/>.
/// </summary>
public sealed class MeterSerialServer : IAsyncDisposable
{
    private const int MaxLineLength = 256;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SimulatedMeter _meter;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private SerialPort? _port;
    private Task? _serving;
    private long _lines;

    /// <param name="meter">The meter to serve.</param>
    /// <param name="time">The clock for the reopen delay (the system clock by default).</param>
    public MeterSerialServer(SimulatedMeter meter, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _meter = meter;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long to wait before opening the port again after it failed.</summary>
    public TimeSpan ReopenDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Command lines handled.</summary>
    public long LinesHandled => Interlocked.Read(ref _lines);

    /// <summary>The last failure of the port (it is being reopened), or null.</summary>
    public Exception? LastPortError { get; private set; }

    /// <summary>Opens <paramref name="device"/> and starts answering.</summary>
    /// <exception cref="IOException">The port cannot be opened; the message names it.</exception>
    public void Start(string device, int baudRate = 9600, Parity parity = Parity.None)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        if (_serving is not null)
        {
            throw new InvalidOperationException($"The meter already serves {_port?.PortName}.");
        }

        var port = Open(device, baudRate, parity);
        _port = port;
        _serving = ServeAsync(port, device, baudRate, parity, _stopping.Token);
    }

    /// <summary>Stops answering and closes the port.</summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_port is { } port)
        {
            await CloseAsync(port).ConfigureAwait(false);
        }

        if (_serving is not null)
        {
            await _serving.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static SerialPort Open(string device, int baudRate, Parity parity)
    {
        var port = new SerialPort(device)
        {
            BaudRate = baudRate,
            DataBits = 8,
            Parity = parity,
            StopBits = StopBits.One,
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 1000,
        };
        try
        {
            port.Open();
            return port;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException($"Cannot open the meter's serial port {device} ({baudRate} baud): {e.Message}", e);
        }
    }

    private async Task ServeAsync(SerialPort port, string device, int baudRate, Parity parity, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await AnswerAsync(port.BaseStream, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (!stop.IsCancellationRequested && e is IOException or ObjectDisposedException or InvalidOperationException or TimeoutException or UnauthorizedAccessException)
            {
                LastPortError = e;
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            await CloseAsync(port).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(ReopenDelay, _time, stop).ConfigureAwait(false);
                    port = Open(device, baudRate, parity);
                    _port = port;
                    break;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (IOException e)
                {
                    LastPortError = e;
                }
            }
        }
    }

    private async Task AnswerAsync(Stream stream, CancellationToken stop)
    {
        byte[] buffer = new byte[512];
        var line = new StringBuilder();
        while (true)
        {
            int n = await stream.ReadAsync(buffer, stop).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException("the serial line closed");
            }

            for (int i = 0; i < n; i++)
            {
                char c = (char)buffer[i];
                if (c is '\r' or '\n')
                {
                    if (line.Length > 0)
                    {
                        string? response = _meter.Execute(line.ToString());
                        line.Clear();
                        Interlocked.Increment(ref _lines);
                        if (response is not null)
                        {
                            byte[] bytes = Encoding.ASCII.GetBytes(response + "\r\n");
                            await stream.WriteAsync(bytes, stop).ConfigureAwait(false);
                            await stream.FlushAsync(stop).ConfigureAwait(false);
                        }
                    }
                }
                else if (line.Length < MaxLineLength)
                {
                    line.Append(c);
                }
            }
        }
    }

    // Close can hang on a serial port whose other end is gone: it runs on its own thread and is waited for a bounded time.
    private async Task CloseAsync(SerialPort port)
    {
        var closing = Task.Run(port.Dispose);
        try
        {
            await closing.WaitAsync(CloseTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Abandoned: the thread finishes the close whenever the driver lets it.
        }
    }
}
