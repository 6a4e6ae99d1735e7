namespace FormationControl.Modbus.Tests.Peers;

/// <summary>tools/peers/libmodbus_server.c as an independent slave for our master; contents as <see cref="PeerData"/>.</summary>
internal static class LibmodbusServer
{
    private const string Install = "It is compiled by tools/test.sh from tools/peers/libmodbus_server.c.";

    /// <summary>A TCP server on 127.0.0.1 and a free port (it answers any unit id).</summary>
    public static Task<PeerServer> StartTcpAsync(int size) =>
        PeerServer.StartAsync(LibmodbusProgram.Find("libmodbus_server"), Install, "tcp", "0", "1", size.ToString());

    /// <summary>An RTU server on <paramref name="device"/> answering <paramref name="unitId"/> (parity N, E or O).</summary>
    public static Task<PeerServer> StartRtuAsync(string device, int baudRate, char parity, int stopBits, byte unitId, int size) =>
        PeerServer.StartAsync(
            LibmodbusProgram.Find("libmodbus_server"), Install,
            "rtu", device, baudRate.ToString(), parity.ToString(), stopBits.ToString(), unitId.ToString(), size.ToString());
}
