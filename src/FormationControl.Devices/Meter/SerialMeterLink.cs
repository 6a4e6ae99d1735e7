using System.IO.Ports;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Devices.Meter;

/// <summary>Opens a meter's serial line as an <see cref="IMeterLink"/>.</summary>
public static class SerialMeterLink
{
    /// <summary>Opens <paramref name="device"/> (for example /dev/ttyUSB0) with every setting made before <c>Open()</c>.</summary>
    /// <exception cref="IOException">The device cannot be opened; the message names it and its settings.</exception>
    public static IMeterLink Open(string device, SerialLineSettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Changing settings after Open() throws on Linux and a pty has no modem lines: all set here, no handshake.
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
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException($"Cannot open the meter's serial port {device} ({settings}): {e.Message}", e);
        }

        return new StreamMeterLink(device, port.BaseStream, port.Dispose, time);
    }
}
