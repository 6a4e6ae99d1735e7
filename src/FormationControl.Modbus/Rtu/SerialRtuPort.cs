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
    public static SerialRtuPort Open(string device, SerialLineSettings settings) => new(settings.Open(device));

    public void Close() => _port.Dispose();
}
