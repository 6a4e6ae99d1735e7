using System.CommandLine;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary><c>fc modbus write</c>: writes one or more holding registers (function 6 for one value, 16 for several).</summary>
public static class ModbusWriteCommand
{
    public static Command Create()
    {
        var connection = new ModbusConnectionOptions();
        var address = new Option<ushort>("--address") { Description = "First address, 0-based protocol address.", Required = true };
        var values = new Option<string>("--values") { Description = "Comma-separated values 0..65535, e.g. 1,2,3.", Required = true };
        var command = new Command("write", "Write holding registers on a Modbus device.");
        connection.AddTo(command);
        command.Options.Add(address);
        command.Options.Add(values);
        command.SetAction(async (result, ct) =>
        {
            if (!TryParseValues(result.GetValue(values)!, out ushort[] parsed, out string error))
            {
                await System.Console.Error.WriteLineAsync($"fc: --values: {error}").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            var (master, exit) = await connection.ConnectAsync(result, ct).ConfigureAwait(false);
            if (master is null)
            {
                return exit;
            }

            await using (master.ConfigureAwait(false))
            {
                try
                {
                    byte unit = result.GetValue(connection.Unit);
                    ushort first = result.GetValue(address);
                    if (parsed.Length == 1)
                    {
                        await master.WriteSingleRegisterAsync(unit, first, parsed[0], ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await master.WriteMultipleRegistersAsync(unit, first, parsed, ct).ConfigureAwait(false);
                    }

                    System.Console.WriteLine($"wrote {parsed.Length} register(s) from {first}");
                    return ExitCodes.Success;
                }
                catch (Exception e) when (e is ModbusException or TimeoutException or IOException)
                {
                    return ModbusErrors.Report(e, System.Console.Error);
                }
            }
        });
        return command;
    }

    internal static bool TryParseValues(string text, out ushort[] values, out string error)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        values = new ushort[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!ushort.TryParse(parts[i], out values[i]))
            {
                error = $"'{parts[i]}' (value {i + 1}) is not a number from 0 to 65535";
                return false;
            }
        }

        error = parts.Length == 0 ? "no values given" : "";
        return parts.Length > 0;
    }
}
