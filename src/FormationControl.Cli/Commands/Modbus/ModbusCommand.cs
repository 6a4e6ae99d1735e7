using System.CommandLine;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary><c>fc modbus</c>: a diagnostic master and a plain slave.</summary>
public static class ModbusCommand
{
    public static Command Create()
    {
        var command = new Command("modbus", "Talk to Modbus devices directly (diagnostics).");
        command.Subcommands.Add(ModbusReadCommand.Create());
        command.Subcommands.Add(ModbusWriteCommand.Create());
        command.Subcommands.Add(ModbusServeCommand.Create());
        return command;
    }
}
