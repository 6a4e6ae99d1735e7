using System.CommandLine;
using FormationControl.Cli.Console;
using FormationControl.Modbus.Slave;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>
/// <c>fc modbus serve</c>: a plain register bank for diagnostics and tests (holding register a holds a, input register a
/// holds 10000 + a), over TCP (<c>--tcp</c>, the default) or RTU (<c>--rtu DEVICE</c>), until SIGINT or SIGTERM.
/// </summary>
public static class ModbusServeCommand
{
    public static Command Create()
    {
        var tcp = new Option<string>("--tcp") { Description = "HOST:PORT to listen on (port 0 picks a free one); the default is 127.0.0.1:502." };
        var rtu = new Option<string>("--rtu") { Description = "Serve Modbus RTU on this serial device instead of TCP." };
        var serial = new SerialLineOptions();
        var unit = new Option<byte[]>("--unit") { Description = "Unit id(s) to answer for (repeat for several).", DefaultValueFactory = _ => [1], AllowMultipleArgumentsPerToken = true };
        var size = new Option<int>("--size") { Description = "Registers and bits per table, 1 to 65536.", DefaultValueFactory = _ => 10000 };
        var command = new Command("serve", "Serve a plain Modbus register bank until SIGINT or SIGTERM.");
        command.Options.Add(tcp);
        command.Options.Add(rtu);
        serial.AddTo(command);
        command.Options.Add(unit);
        command.Options.Add(size);
        size.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 65536)
            {
                r.AddError("--size must be from 1 to 65536.");
            }
        });
        command.Validators.Add(r =>
        {
            if (r.GetResult(tcp) is not null && r.GetResult(rtu) is not null)
            {
                r.AddError("Serve either --tcp HOST:PORT or --rtu DEVICE, not both.");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            byte[] units = result.GetValue(unit)!;
            var bank = new RegisterBank(result.GetValue(size), units);
            using var shutdown = new ShutdownSignal(ct);
            string what = $"unit{(units.Length == 1 ? "" : "s")} {string.Join(", ", units)}";
            return result.GetValue(rtu) is { } device
                ? await ServeRtuAsync(bank, device, serial, result, what, shutdown.Token).ConfigureAwait(false)
                : await ServeTcpAsync(bank, result.GetValue(tcp) ?? "127.0.0.1:502", what, shutdown.Token).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ServeTcpAsync(RegisterBank bank, string endpoint, string what, CancellationToken stop)
    {
        if (!TcpEndpoint.TryParse(endpoint, out string host, out int port, out string error))
        {
            await System.Console.Error.WriteLineAsync($"fc: {error}").ConfigureAwait(false);
            return ExitCodes.UsageOrValidation;
        }

        var slave = new ModbusTcpSlave(bank);
        await using (slave.ConfigureAwait(false))
        {
            try
            {
                var bound = slave.Start(TcpEndpoint.ToBindEndpoint(host, port));
                System.Console.WriteLine($"serving {what} on {bound} (Ctrl+C to stop)");
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or FormatException)
            {
                await System.Console.Error.WriteLineAsync($"fc: cannot listen on {host}:{port}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.DeviceOrIo;
            }

            await WaitForShutdownAsync(stop).ConfigureAwait(false);
            await slave.StopAsync().ConfigureAwait(false);
            System.Console.WriteLine("stopped");
            return ExitCodes.Success;
        }
    }

    private static async Task<int> ServeRtuAsync(RegisterBank bank, string device, SerialLineOptions serial, ParseResult result, string what, CancellationToken stop)
    {
        var settings = serial.ToSettings(result);
        var slave = new ModbusRtuSlave(bank);
        await using (slave.ConfigureAwait(false))
        {
            try
            {
                slave.Start(device, settings);
                System.Console.WriteLine($"serving {what} on {device} ({settings}) (Ctrl+C to stop)");
            }
            catch (IOException e)
            {
                await System.Console.Error.WriteLineAsync($"fc: {e.Message}").ConfigureAwait(false);
                return ExitCodes.DeviceOrIo;
            }

            await WaitForShutdownAsync(stop).ConfigureAwait(false);
            await slave.StopAsync().ConfigureAwait(false);
            System.Console.WriteLine("stopped");
            return ExitCodes.Success;
        }
    }

    private static async Task WaitForShutdownAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // SIGINT or SIGTERM: stop serving.
        }
    }
}
