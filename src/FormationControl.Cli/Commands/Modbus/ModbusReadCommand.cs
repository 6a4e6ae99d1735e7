using System.CommandLine;
using System.Text.Json;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary><c>fc modbus read</c>: reads registers or bits and prints them, for a technician at a device.</summary>
public static class ModbusReadCommand
{
    public static Command Create()
    {
        var connection = new ModbusConnectionOptions();
        var table = new Option<string>("--table") { Description = "holding, input, coils or discrete.", DefaultValueFactory = _ => "holding" };
        table.AcceptOnlyFromAmong("holding", "input", "coils", "discrete");
        var address = new Option<ushort>("--address") { Description = "First address, 0-based protocol address.", Required = true };
        var count = new Option<ushort>("--count") { Description = "How many registers or bits.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print {\"values\":[...]} for machines." };
        var command = new Command("read", "Read holding/input registers or coils/discrete inputs from a Modbus device.");
        connection.AddTo(command);
        command.Options.Add(table);
        command.Options.Add(address);
        command.Options.Add(count);
        command.Options.Add(json);
        command.SetAction(async (result, ct) =>
        {
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
                    ushort first = result.GetValue(address), n = result.GetValue(count);
                    long[] values = result.GetValue(table) switch
                    {
                        "input" => Widen(await master.ReadInputRegistersAsync(unit, first, n, ct).ConfigureAwait(false)),
                        "coils" => Widen(await master.ReadCoilsAsync(unit, first, n, ct).ConfigureAwait(false)),
                        "discrete" => Widen(await master.ReadDiscreteInputsAsync(unit, first, n, ct).ConfigureAwait(false)),
                        _ => Widen(await master.ReadHoldingRegistersAsync(unit, first, n, ct).ConfigureAwait(false)),
                    };
                    Print(values, first, result.GetValue(json));
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

    private static long[] Widen(ushort[] values) => Array.ConvertAll(values, v => (long)v);

    private static long[] Widen(bool[] values) => Array.ConvertAll(values, v => v ? 1L : 0L);

    private static void Print(long[] values, ushort first, bool json)
    {
        if (json)
        {
            System.Console.WriteLine(JsonSerializer.Serialize(new { values }));
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            System.Console.WriteLine($"[{first + i}]: {values[i]}");
        }
    }
}
