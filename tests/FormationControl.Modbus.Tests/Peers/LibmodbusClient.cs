namespace FormationControl.Modbus.Tests.Peers;

/// <summary>tools/peers/libmodbus_client.c: an independent master that runs a list of commands and prints one line each.</summary>
internal static class LibmodbusClient
{
    public static Task<PeerRun.Result> RunTcpAsync(int port, byte unitId, params string[] commands) =>
        PeerRun.RunAsync(LibmodbusProgram.Find("libmodbus_client"), ["tcp", "127.0.0.1", port.ToString(), unitId.ToString(), .. commands]);

    public static Task<PeerRun.Result> RunRtuAsync(string device, int baudRate, char parity, int stopBits, byte unitId, params string[] commands) =>
        PeerRun.RunAsync(
            LibmodbusProgram.Find("libmodbus_client"),
            ["rtu", device, baudRate.ToString(), parity.ToString(), stopBits.ToString(), unitId.ToString(), .. commands]);
}
