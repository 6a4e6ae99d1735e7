using System.IO.Ports;

namespace FormationControl.Modbus.Rtu;

/// <summary>An <see cref="IRtuPort"/> on <see cref="SerialPort"/>, with every setting made before <c>Open()</c>.</summary>
internal sealed class SerialRtuPort : IRtuPort
{
    private readonly SerialPort _port;

    private SerialRtuPort(SerialPort port)
    {
        _port = port;
        Stream = port.BaseStream;
    }

    public string Name => _port.PortName;

    public Stream Stream { get; }

    /// <summary>Opens <paramref name="device"/> (a path such as /dev/ttyUSB0, or COM3).</summary>
    /// <exception cref="IOException">The device cannot be opened; the message names it.</exception>
    public static SerialRtuPort Open(string device, SerialLineSettings settings)
    {
        // Changing parity or data bits after Open() throws on Linux, and modem lines do not exist on every
        // device (a pty throws on them): everything is set here, handshaking stays off.
        var port = new SerialPort(device)
        {
            BaudRate = settings.BaudRate,
            DataBits = 8,
            Parity = settings.Parity,
            StopBits = settings.StopBits,
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = SerialPort.InfiniteTimeout,
        };
        try
        {
            port.Open();
            return new SerialRtuPort(port);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException($"Cannot open serial port {device} ({settings}): {e.Message}", e);
        }
    }

    public void Close() => _port.Dispose();
}
