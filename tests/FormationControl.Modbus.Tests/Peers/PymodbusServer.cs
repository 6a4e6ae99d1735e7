using System.Diagnostics;
using System.Text;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Peers;

/// <summary>
/// pymodbus's TCP server as a child process (Peers/pymodbus_server.py): an independent slave for our master.
/// Killed by its process id on dispose, whatever the test's outcome.
/// </summary>
internal sealed class PymodbusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private PymodbusServer(Process process) => _process = process;

    public int Port { get; private set; }

    /// <summary>Holding register contents of the server (see the script).</summary>
    public static ushort Holding(int address) => (ushort)((7 * address) + 3);

    public static ushort Input(int address) => (ushort)(50000 - address);

    public static bool Coil(int address) => address % 3 == 0;

    public static bool Discrete(int address) => address % 2 == 0;

    public static async Task<PymodbusServer> StartAsync(byte unitId, int size)
    {
        // Debian's interpreter: another python3 on the PATH may not see Debian's pymodbus.
        string python = ExternalProgram.Find("python3", "/usr/bin/python3", "apt-get install -y python3 python3-pymodbus");
        string script = Path.Combine(AppContext.BaseDirectory, "Peers", "pymodbus_server.py");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(unitId.ToString());
        start.ArgumentList.Add(size.ToString());

        var server = new PymodbusServer(Process.Start(start)!);
        server._process.ErrorDataReceived += (_, e) =>
        {
            lock (server._stderr)
            {
                server._stderr.AppendLine(e.Data);
            }
        };
        server._process.BeginErrorReadLine();
        try
        {
            string? line = await server._process.StandardOutput.ReadLineAsync().Within();
            if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                await server._process.WaitForExitAsync().Within();
                Assert.Fail($"pymodbus peer ({python} {script}) did not start: stdout '{line}', stderr: {server.Stderr}. Install it: apt-get install -y python3-pymodbus");
            }

            server.Port = int.Parse(line["LISTENING ".Length..]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().Within();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
