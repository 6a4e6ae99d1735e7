namespace FormationControl.Modbus.Master;

/// <summary>The link to the slave could not be opened or broke (refused, reset, closed by the peer).</summary>
public class ModbusTransportException : IOException
{
    public ModbusTransportException(string endpoint, string problem, Exception? innerException = null)
        : base($"Modbus link to {endpoint}: {problem}", innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>Where the link goes, as host:port (or a serial port name).</summary>
    public string Endpoint { get; }
}
