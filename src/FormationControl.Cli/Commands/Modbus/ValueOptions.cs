using System.CommandLine;
using FormationControl.Modbus.Data;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary><c>--type</c> and <c>--word-order</c>: how registers are shown or written.</summary>
public sealed class ValueOptions
{
    public Option<string> Type { get; } = new("--type") { Description = "u16, i16, u32, i32 or f32 (32-bit types span two registers).", DefaultValueFactory = _ => "u16" };

    public Option<string> WordOrder { get; } = new("--word-order") { Description = "ABCD (high word first, the Modbus convention), CDAB, BADC or DCBA.", DefaultValueFactory = _ => "ABCD" };

    public void AddTo(Command command)
    {
        Type.AcceptOnlyFromAmong("u16", "i16", "u32", "i32", "f32");
        WordOrder.AcceptOnlyFromAmong("ABCD", "CDAB", "BADC", "DCBA");
        command.Options.Add(Type);
        command.Options.Add(WordOrder);
    }

    public ModbusValueType GetValueType(ParseResult result) =>
        RegisterValueFormat.TryParseType(result.GetValue(Type)!, out ModbusValueType type) ? type : ModbusValueType.U16;

    public WordOrder GetWordOrder(ParseResult result) => Enum.Parse<WordOrder>(result.GetValue(WordOrder)!);

    /// <summary>Whether the command line chose a type at all (bits have none).</summary>
    public bool TypeGiven(ParseResult result) => result.GetResult(Type) is { Implicit: false };
}
