using System.IO.Ports;

namespace FormationControl.Modbus.Rtu;

/// <summary>
/// The character format of a Modbus RTU line: always 8 data bits; parity none, even or odd; one or two stop
/// bits (8N1, 8E1, 8O1, 8N2). The spec's default is 8E1; 8N2 is its form without parity.
/// </summary>
public sealed record SerialLineSettings
{
    /// <param name="baudRate">Bits per second, for example 9600, 19200 or 115200.</param>
    /// <param name="parity"><see cref="Parity.None"/>, <see cref="Parity.Even"/> (the spec's default) or <see cref="Parity.Odd"/>.</param>
    /// <param name="stopBits"><see cref="StopBits.One"/> or <see cref="StopBits.Two"/>.</param>
    public SerialLineSettings(int baudRate, Parity parity = Parity.Even, StopBits stopBits = StopBits.One)
    {
        if (baudRate is < 50 or > 4_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, "The baud rate must be from 50 to 4000000.");
        }

        if (parity is not (Parity.None or Parity.Even or Parity.Odd))
        {
            throw new ArgumentOutOfRangeException(nameof(parity), parity, "Modbus RTU uses parity None, Even or Odd.");
        }

        if (stopBits is not (StopBits.One or StopBits.Two))
        {
            throw new ArgumentOutOfRangeException(nameof(stopBits), stopBits, "Modbus RTU uses one or two stop bits.");
        }

        BaudRate = baudRate;
        Parity = parity;
        StopBits = stopBits;
    }

    public int BaudRate { get; }

    public Parity Parity { get; }

    public StopBits StopBits { get; }

    /// <summary>Bits on the wire per byte: start, 8 data, parity if any, stop bits.</summary>
    public int BitsPerCharacter => 1 + 8 + (Parity == Parity.None ? 0 : 1) + (StopBits == StopBits.Two ? 2 : 1);

    /// <summary>How long one byte takes on the wire.</summary>
    public TimeSpan CharacterTime => TimeSpan.FromTicks((long)Math.Ceiling(BitsPerCharacter * (double)TimeSpan.TicksPerSecond / BaudRate));

    /// <summary>
    /// The silence that separates frames: 3.5 character times, fixed at 1.75 ms above 19200 baud (Modbus over
    /// serial line, §2.5.1.1).
    /// </summary>
    public TimeSpan InterFrameDelay =>
        BaudRate > 19200 ? TimeSpan.FromMicroseconds(1750) : TimeSpan.FromTicks((long)Math.Ceiling(CharacterTime.Ticks * 3.5));

    /// <summary>How long <paramref name="bytes"/> bytes take on the wire.</summary>
    public TimeSpan TransmissionTime(int bytes) => TimeSpan.FromTicks(CharacterTime.Ticks * bytes);

    /// <summary>
    /// Opens <paramref name="device"/> (a path such as /dev/ttyUSB0, or COM3) with these settings, every one made before
    /// <c>Open()</c>: changing parity or data bits after it throws on Linux, and modem lines do not exist on every device
    /// (a pty throws on them), so handshaking stays off. Reads and writes block until cancelled; callers bound them.
    /// </summary>
    /// <exception cref="IOException">The device cannot be opened; the message names it and the settings.</exception>
    public SerialPort Open(string device)
    {
        var port = new SerialPort(device)
        {
            BaudRate = BaudRate,
            DataBits = 8,
            Parity = Parity,
            StopBits = StopBits,
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = SerialPort.InfiniteTimeout,
        };
        try
        {
            port.Open();
            return port;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException($"Cannot open serial port {device} ({this}): {e.Message}", e);
        }
    }

    /// <summary>For example "19200 baud 8E1".</summary>
    public override string ToString() =>
        $"{BaudRate} baud 8{Parity switch { Parity.None => 'N', Parity.Even => 'E', _ => 'O' }}{(StopBits == StopBits.Two ? 2 : 1)}";
}
