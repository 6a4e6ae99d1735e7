using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>Maps a failed Modbus call to a message and the exit status scripts rely on.</summary>
public static class ModbusErrors
{
    public static int Report(Exception e, TextWriter error)
    {
        switch (e)
        {
            case ModbusException m:
                error.WriteLine($"fc: the device answered with {m.Message}");
                return ExitCodes.ModbusException;
            case TimeoutException or IOException or System.Net.Sockets.SocketException:
                error.WriteLine($"fc: {e.Message}");
                error.WriteLine("fc: check the address, port and unit id, and that the device is powered and reachable.");
                return ExitCodes.DeviceOrIo;
            default:
                throw e;
        }
    }
}
