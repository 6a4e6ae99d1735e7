using System.CommandLine;
using FormationControl.Modbus.Data;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>
/// <c>fc modbus write</c>: writes holding registers (function 6 for one register, 16 for several) or coils (5 for
/// one, 15 for several); <c>--fc</c> forces the function code. Values are of <c>--type</c> for registers, 0/1 for coils.
/// </summary>
public static class ModbusWriteCommand
{
    public static Command Create()
    {
        var connection = new ModbusConnectionOptions();
        var valueOptions = new ValueOptions();
        var table = new Option<string>("--table") { Description = "holding or coils.", DefaultValueFactory = _ => "holding" };
        table.AcceptOnlyFromAmong("holding", "coils");
        var address = new Option<ushort>("--address") { Description = "First address, 0-based protocol address.", Required = true };
        var values = new Option<string>("--values") { Description = "Comma-separated values of --type (registers) or 0/1 (coils), e.g. 1,2,3.", Required = true };
        var function = new Option<int?>("--fc") { Description = "Force the function code: 5 or 15 for coils, 6 or 16 for registers." };
        var command = new Command("write", "Write holding registers or coils on a Modbus device.");
        connection.AddTo(command);
        valueOptions.AddTo(command);
        command.Options.Add(table);
        command.Options.Add(address);
        command.Options.Add(values);
        command.Options.Add(function);
        command.SetAction(async (result, ct) =>
        {
            bool coils = result.GetValue(table) == "coils";
            if (!TryPlan(result, coils, valueOptions, values, function, out WritePlan plan, out string error))
            {
                await System.Console.Error.WriteLineAsync($"fc: {error}").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            ushort first = result.GetValue(address);
            if (first + plan.Count > 65536)
            {
                await System.Console.Error.WriteLineAsync($"fc: {plan.Count} values from --address {first} run past address 65535.").ConfigureAwait(false);
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
                    await plan.RunAsync(master, result.GetValue(connection.Unit), first, ct).ConfigureAwait(false);
                    System.Console.WriteLine($"wrote {plan.Count} {(coils ? "coil" : "register")}(s) from {first} with function {plan.Function}");
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

    /// <summary>Parses comma-separated 16-bit unsigned values (kept for scripts that call it).</summary>
    internal static bool TryParseValues(string text, out ushort[] values, out string error) =>
        RegisterValueFormat.TryEncode(text, ModbusValueType.U16, WordOrder.ABCD, out values, out error);

    /// <summary>Parses 0/1 (or on/off, true/false) coil values.</summary>
    internal static bool TryParseCoils(string text, out bool[] coils, out string error)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        coils = new bool[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            switch (parts[i].ToLowerInvariant())
            {
                case "1" or "on" or "true":
                    coils[i] = true;
                    break;
                case "0" or "off" or "false":
                    break;
                default:
                    error = $"'{parts[i]}' (value {i + 1}) is not a coil value (0, 1, on, off, true, false)";
                    return false;
            }
        }

        error = parts.Length == 0 ? "no values given" : "";
        return parts.Length > 0;
    }

    private static bool TryPlan(
        ParseResult result, bool coils, ValueOptions valueOptions, Option<string> values, Option<int?> function, out WritePlan plan, out string error)
    {
        plan = default;
        int? forced = result.GetValue(function);
        string text = result.GetValue(values)!;
        if (coils)
        {
            if (valueOptions.TypeGiven(result))
            {
                error = "--type applies to holding registers; coil values are 0 or 1.";
                return false;
            }

            if (!TryParseCoils(text, out bool[] bits, out string parseError))
            {
                error = $"--values: {parseError}";
                return false;
            }

            int fc = forced ?? (bits.Length == 1 ? 5 : 15);
            error = fc switch
            {
                5 when bits.Length != 1 => $"--fc 5 writes one coil; --values has {bits.Length}. Use --fc 15.",
                15 when bits.Length > ModbusLimits.MaxWriteBits => $"--fc 15 writes at most {ModbusLimits.MaxWriteBits} coils; --values has {bits.Length}.",
                5 or 15 => "",
                _ => $"--fc {fc} does not write coils: use 5 (one coil) or 15 (several).",
            };
            plan = new WritePlan(fc, bits.Length, null, bits);
            return error.Length == 0;
        }

        if (!RegisterValueFormat.TryEncode(text, valueOptions.GetValueType(result), valueOptions.GetWordOrder(result), out ushort[] registers, out string encodeError))
        {
            error = $"--values: {encodeError}";
            return false;
        }

        int code = forced ?? (registers.Length == 1 ? 6 : 16);
        error = code switch
        {
            6 when registers.Length != 1 => $"--fc 6 writes one register; the values take {registers.Length}. Use --fc 16.",
            16 when registers.Length > ModbusLimits.MaxWriteRegisters => $"--fc 16 writes at most {ModbusLimits.MaxWriteRegisters} registers; the values take {registers.Length}.",
            6 or 16 => "",
            _ => $"--fc {code} does not write holding registers: use 6 (one register) or 16 (several).",
        };
        plan = new WritePlan(code, registers.Length, registers, null);
        return error.Length == 0;
    }

    /// <summary>What to send: the function code and the registers or coils.</summary>
    private readonly record struct WritePlan(int Function, int Count, ushort[]? Registers, bool[]? Coils)
    {
        public ValueTask RunAsync(IModbusMaster master, byte unit, ushort address, CancellationToken ct) => Function switch
        {
            5 => master.WriteSingleCoilAsync(unit, address, Coils![0], ct),
            15 => master.WriteMultipleCoilsAsync(unit, address, Coils, ct),
            6 => master.WriteSingleRegisterAsync(unit, address, Registers![0], ct),
            _ => master.WriteMultipleRegistersAsync(unit, address, Registers, ct),
        };
    }
}
