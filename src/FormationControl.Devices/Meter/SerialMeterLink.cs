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
        var port = settings.Open(device);
        return new StreamMeterLink(device, port.BaseStream, port.Dispose, time);
    }
}
