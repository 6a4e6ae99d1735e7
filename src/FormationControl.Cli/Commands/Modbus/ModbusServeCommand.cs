using System.CommandLine;
using FormationControl.Cli.Console;
using FormationControl.Modbus.Slave;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>
/// <c>fc modbus serve</c>: a plain register bank for diagnostics and tests (holding register a holds a,
/// input register a holds 10000 + a), until SIGINT or SIGTERM.
/// </summary>
public static class ModbusServeCommand
{
    public static Command Create()
    {
        var tcp = new Option<string>("--tcp") { Description = "HOST:PORT to listen on (port 0 picks a free one).", DefaultValueFactory = _ => "127.0.0.1:502" };
        var unit = new Option<byte>("--unit") { Description = "Unit id to answer for.", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--size") { Description = "Registers and bits per table.", DefaultValueFactory = _ => 10000 };
        var command = new Command("serve", "Serve a plain Modbus register bank until SIGINT or SIGTERM.");
        command.Options.Add(tcp);
        command.Options.Add(unit);
        command.Options.Add(size);
        command.SetAction(async (result, ct) =>
        {
            if (!TcpEndpoint.TryParse(result.GetValue(tcp)!, out string host, out int port, out string error))
            {
                await System.Console.Error.WriteLineAsync($"fc: {error}").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            using var shutdown = new ShutdownSignal(ct);
            var bank = new RegisterBank(result.GetValue(size), [result.GetValue(unit)]);
            var slave = new ModbusTcpSlave(bank);
            await using (slave.ConfigureAwait(false))
            {
                try
                {
                    var bound = slave.Start(TcpEndpoint.ToBindEndpoint(host, port));
                    System.Console.WriteLine($"serving unit {result.GetValue(unit)} on {bound} (Ctrl+C to stop)");
                }
                catch (System.Net.Sockets.SocketException e)
                {
                    await System.Console.Error.WriteLineAsync($"fc: cannot listen on {host}:{port}: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.DeviceOrIo;
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }

                await slave.StopAsync().ConfigureAwait(false);
                System.Console.WriteLine("stopped");
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
