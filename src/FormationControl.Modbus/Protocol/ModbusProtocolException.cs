namespace FormationControl.Modbus.Protocol;

/// <summary>
/// A response that breaks the protocol: wrong function code, wrong length or byte count, a write echo
/// that does not match the request, or an answer from another unit. The device or the link is faulty,
/// so this is an <see cref="IOException"/> like a broken connection.
/// </summary>
public class ModbusProtocolException : IOException
{
    public ModbusProtocolException(string message)
        : base(message)
    {
    }
}
