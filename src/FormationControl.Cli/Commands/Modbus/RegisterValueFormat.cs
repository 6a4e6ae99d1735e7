using System.Globalization;
using FormationControl.Modbus.Data;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>Turns registers into typed values for printing, and typed values from the command line into registers.</summary>
public static class RegisterValueFormat
{
    public static bool TryParseType(string text, out ModbusValueType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type);

    /// <summary>Registers per value: 1 for 16-bit types, 2 for 32-bit ones.</summary>
    public static int RegistersPer(ModbusValueType type) => type is ModbusValueType.U16 or ModbusValueType.I16 ? 1 : 2;

    /// <summary>The value held in <paramref name="registers"/> (one or two of them, as the type needs).</summary>
    public static object Decode(ReadOnlySpan<ushort> registers, ModbusValueType type, WordOrder order) => type switch
    {
        // Each arm boxed as itself: a switch of bare numbers would widen them all to float.
        ModbusValueType.U16 => (object)registers[0],
        ModbusValueType.I16 => (object)unchecked((short)registers[0]),
        ModbusValueType.U32 => (object)RegisterValues.ReadUInt32(registers, order),
        ModbusValueType.I32 => (object)RegisterValues.ReadInt32(registers, order),
        _ => (object)RegisterValues.ReadSingle(registers, order),
    };

    /// <summary>Prints a decoded value so that parsing it back gives the same registers (floats round-trip).</summary>
    public static string Format(object value) => value switch
    {
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Parses comma-separated values of <paramref name="type"/> into registers; the error names the bad value and its place.</summary>
    public static bool TryEncode(string text, ModbusValueType type, WordOrder order, out ushort[] registers, out string error)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        int per = RegistersPer(type);
        registers = new ushort[parts.Length * per];
        error = parts.Length == 0 ? "no values given" : "";
        for (int i = 0; i < parts.Length; i++)
        {
            Span<ushort> slot = registers.AsSpan(i * per, per);
            if (!TryEncodeOne(parts[i], type, order, slot))
            {
                error = $"'{parts[i]}' (value {i + 1}) is not {Describe(type)}";
                return false;
            }
        }

        return parts.Length > 0;
    }

    public static string Describe(ModbusValueType type) => type switch
    {
        ModbusValueType.U16 => "a number from 0 to 65535",
        ModbusValueType.I16 => "a number from -32768 to 32767",
        ModbusValueType.U32 => "a number from 0 to 4294967295",
        ModbusValueType.I32 => "a number from -2147483648 to 2147483647",
        _ => "a 32-bit floating-point number",
    };

    private static bool TryEncodeOne(string text, ModbusValueType type, WordOrder order, Span<ushort> slot)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case ModbusValueType.U16 when ushort.TryParse(text, NumberStyles.Integer, invariant, out ushort u16):
                slot[0] = u16;
                return true;
            case ModbusValueType.I16 when short.TryParse(text, NumberStyles.Integer, invariant, out short i16):
                slot[0] = unchecked((ushort)i16);
                return true;
            case ModbusValueType.U32 when uint.TryParse(text, NumberStyles.Integer, invariant, out uint u32):
                RegisterValues.WriteUInt32(u32, slot, order);
                return true;
            case ModbusValueType.I32 when int.TryParse(text, NumberStyles.Integer, invariant, out int i32):
                RegisterValues.WriteInt32(i32, slot, order);
                return true;
            case ModbusValueType.F32 when float.TryParse(text, NumberStyles.Float, invariant, out float f32):
                RegisterValues.WriteSingle(f32, slot, order);
                return true;
            default:
                return false;
        }
    }
}
