using System.CommandLine;
using FormationControl.Modbus.Master;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>
/// The options every <c>fc modbus</c> client command shares: where the device is (<c>--tcp HOST:PORT</c>, or
/// <c>--rtu DEVICE</c> with the line's format), which unit, and how long to wait.
/// </summary>
public sealed class ModbusConnectionOptions
{
    public Option<string> Tcp { get; } = new("--tcp") { Description = "The device's HOST:PORT (Modbus TCP)." };

    public Option<string> Rtu { get; } = new("--rtu") { Description = "The serial device (Modbus RTU), e.g. /dev/ttyUSB0." };

    public SerialLineOptions Serial { get; } = new();

    public Option<byte> Unit { get; } = new("--unit") { Description = "Unit id (slave address); on RTU, 0 broadcasts a write.", DefaultValueFactory = _ => 1 };

    public Option<int> TimeoutMs { get; } = new("--timeout") { Description = "Per-request timeout in milliseconds.", DefaultValueFactory = _ => 1000 };

    public Option<int> Retries { get; } = new("--retries") { Description = "Times a request that timed out is sent again.", DefaultValueFactory = _ => 0 };

    public void AddTo(Command command)
    {
        command.Options.Add(Tcp);
        command.Options.Add(Rtu);
        Serial.AddTo(command);
        command.Options.Add(Unit);
        command.Options.Add(TimeoutMs);
        command.Options.Add(Retries);
        TimeoutMs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0)
            {
                r.AddError("--timeout must be a positive number of milliseconds.");
            }
        });
        Retries.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 100)
            {
                r.AddError("--retries must be from 0 to 100.");
            }
        });
        command.Validators.Add(r =>
        {
            bool tcp = r.GetResult(Tcp) is not null, rtu = r.GetResult(Rtu) is not null;
            if (tcp == rtu)
            {
                r.AddError("Give the device as either --tcp HOST:PORT or --rtu DEVICE.");
            }
        });
    }

    /// <summary>Connects (or opens the serial port), or returns an exit status after reporting why not.</summary>
    public async Task<(IModbusMaster? Master, int ExitCode)> ConnectAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromMilliseconds(result.GetValue(TimeoutMs));
        int retries = result.GetValue(Retries);
        try
        {
            if (result.GetValue(Rtu) is { } device)
            {
                var rtuOptions = new ModbusRtuMasterOptions { Timeout = timeout, Retries = retries };
                return (ModbusRtuMaster.Open(device, Serial.ToSettings(result), rtuOptions), ExitCodes.Success);
            }

            if (!TcpEndpoint.TryParse(result.GetValue(Tcp)!, out string host, out int port, out string error))
            {
                await System.Console.Error.WriteLineAsync($"fc: {error}").ConfigureAwait(false);
                return (null, ExitCodes.UsageOrValidation);
            }

            var options = new ModbusTcpMasterOptions { Timeout = timeout, Retries = retries };
            return (await ModbusTcpMaster.ConnectAsync(host, port, options, cancellationToken).ConfigureAwait(false), ExitCodes.Success);
        }
        catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return (null, ModbusErrors.Report(e, System.Console.Error));
        }
    }
}
