namespace FormationControl.Modbus.Tests.Peers;

/// <summary>pymodbus's server (Peers/pymodbus_server.py) as an independent slave for our master; contents as <see cref="PeerData"/>.</summary>
internal static class PymodbusServer
{
    private const string Install = "Install it: apt-get install -y python3-pymodbus python3-serial-asyncio";

    /// <summary>A TCP server on 127.0.0.1 and a free port, answering <paramref name="unitId"/> only.</summary>
    public static Task<PeerServer> StartTcpAsync(byte unitId, int size) =>
        PeerServer.StartAsync(Python(), Install, Script(), unitId.ToString(), size.ToString());

    /// <summary>An RTU server on <paramref name="device"/> (parity N, E or O).</summary>
    public static Task<PeerServer> StartRtuAsync(string device, int baudRate, char parity, int stopBits, byte unitId, int size) =>
        PeerServer.StartAsync(
            Python(), Install, Script(), "rtu", device, baudRate.ToString(), parity.ToString(), stopBits.ToString(), unitId.ToString(), size.ToString());

    // Debian's interpreter: another python3 on the PATH may not see Debian's pymodbus.
    private static string Python() => ExternalProgram.Find("python3", "/usr/bin/python3", "apt-get install -y python3 python3-pymodbus");

    private static string Script() => Path.Combine(AppContext.BaseDirectory, "Peers", "pymodbus_server.py");
}
