using System.CommandLine;
using System.Text.Json;
using FormationControl.Modbus.Data;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>
/// <c>fc modbus read</c>: reads registers (as u16, i16, u32, i32 or f32 in any word order) or bits and prints them,
/// for a technician at a device.
/// </summary>
public static class ModbusReadCommand
{
    public static Command Create()
    {
        var connection = new ModbusConnectionOptions();
        var values = new ValueOptions();
        var table = new Option<string>("--table") { Description = "holding, input, coils or discrete.", DefaultValueFactory = _ => "holding" };
        table.AcceptOnlyFromAmong("holding", "input", "coils", "discrete");
        var address = new Option<ushort>("--address") { Description = "First address, 0-based protocol address.", Required = true };
        var count = new Option<ushort>("--count") { Description = "How many values (of --type) or bits.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print {\"values\":[...]} for machines." };
        var command = new Command("read", "Read holding/input registers or coils/discrete inputs from a Modbus device.");
        connection.AddTo(command);
        values.AddTo(command);
        command.Options.Add(table);
        command.Options.Add(address);
        command.Options.Add(count);
        command.Options.Add(json);
        command.Validators.Add(r =>
        {
            // The raw token: the validator runs before (and whether or not) the value itself is valid.
            bool bits = r.GetResult(table)?.Tokens is [var token, ..] && token.Value is "coils" or "discrete";
            if (bits && r.GetResult(values.Type) is { Implicit: false })
            {
                r.AddError("--type applies to registers (--table holding or input), not to coils or discrete inputs.");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            string tableName = result.GetValue(table)!;
            ModbusValueType type = values.GetValueType(result);
            WordOrder order = values.GetWordOrder(result);
            ushort first = result.GetValue(address), n = result.GetValue(count);
            int quantity = tableName is "coils" or "discrete" ? n : n * RegisterValueFormat.RegistersPer(type);
            int limit = tableName is "coils" or "discrete" ? ModbusLimits.MaxReadBits : ModbusLimits.MaxReadRegisters;
            if (n == 0 || quantity > limit || first + quantity > 65536)
            {
                await System.Console.Error.WriteLineAsync(
                    $"fc: --count {n} of {(quantity == n ? "entries" : result.GetValue(values.Type))} from --address {first}: one read takes 1 to {limit} {(limit == ModbusLimits.MaxReadBits ? "bits" : "registers")} within addresses 0..65535.").ConfigureAwait(false);
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
                    object[] read = tableName switch
                    {
                        "coils" => Bits(await master.ReadCoilsAsync(unit, first, n, ct).ConfigureAwait(false)),
                        "discrete" => Bits(await master.ReadDiscreteInputsAsync(unit, first, n, ct).ConfigureAwait(false)),
                        "input" => Decode(await master.ReadInputRegistersAsync(unit, first, (ushort)quantity, ct).ConfigureAwait(false), type, order),
                        _ => Decode(await master.ReadHoldingRegistersAsync(unit, first, (ushort)quantity, ct).ConfigureAwait(false), type, order),
                    };
                    Print(read, first, tableName is "coils" or "discrete" ? 1 : RegisterValueFormat.RegistersPer(type), result.GetValue(json));
                    return ExitCodes.Success;
                }
                catch (ArgumentException e)
                {
                    await System.Console.Error.WriteLineAsync($"fc: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.UsageOrValidation;
                }
                catch (Exception e) when (e is ModbusException or TimeoutException or IOException)
                {
                    return ModbusErrors.Report(e, System.Console.Error);
                }
            }
        });
        return command;
    }

    private static object[] Bits(bool[] bits) => Array.ConvertAll(bits, b => (object)(b ? 1 : 0));

    private static object[] Decode(ushort[] registers, ModbusValueType type, WordOrder order)
    {
        int per = RegisterValueFormat.RegistersPer(type);
        var decoded = new object[registers.Length / per];
        for (int i = 0; i < decoded.Length; i++)
        {
            decoded[i] = RegisterValueFormat.Decode(registers.AsSpan(i * per, per), type, order);
        }

        return decoded;
    }

    private static void Print(object[] values, ushort first, int registersPerValue, bool json)
    {
        if (json)
        {
            System.Console.WriteLine(JsonSerializer.Serialize(new { values }));
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            System.Console.WriteLine($"[{first + (i * registersPerValue)}]: {RegisterValueFormat.Format(values[i])}");
        }
    }
}
