using System.CommandLine;
using FormationControl.Modbus.Master;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>The options every <c>fc modbus</c> client command shares: where the device is and how long to wait.</summary>
public sealed class ModbusConnectionOptions
{
    public Option<string> Tcp { get; } = new("--tcp") { Description = "The device's HOST:PORT (Modbus TCP).", Required = true };

    public Option<byte> Unit { get; } = new("--unit") { Description = "Unit id (slave address).", DefaultValueFactory = _ => 1 };

    public Option<int> TimeoutMs { get; } = new("--timeout") { Description = "Per-request timeout in milliseconds.", DefaultValueFactory = _ => 1000 };

    public void AddTo(Command command)
    {
        command.Options.Add(Tcp);
        command.Options.Add(Unit);
        command.Options.Add(TimeoutMs);
    }

    /// <summary>Connects, or returns an exit status after reporting why not.</summary>
    public async Task<(IModbusMaster? Master, int ExitCode)> ConnectAsync(ParseResult result, CancellationToken cancellationToken)
    {
        if (!TcpEndpoint.TryParse(result.GetValue(Tcp)!, out string host, out int port, out string error))
        {
            await System.Console.Error.WriteLineAsync($"fc: {error}").ConfigureAwait(false);
            return (null, ExitCodes.UsageOrValidation);
        }

        var options = new ModbusTcpMasterOptions { Timeout = TimeSpan.FromMilliseconds(result.GetValue(TimeoutMs)) };
        try
        {
            return (await ModbusTcpMaster.ConnectAsync(host, port, options, cancellationToken).ConfigureAwait(false), ExitCodes.Success);
        }
        catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return (null, ModbusErrors.Report(e, System.Console.Error));
        }
    }
}
