using System.CommandLine;
using FormationControl.Cli.Commands;
using FormationControl.Cli.Commands.Modbus;
using FormationControl.Cli.Commands.Cell;
using FormationControl.Cli.Commands.Export;
using FormationControl.Cli.Commands.Grade;
using FormationControl.Cli.Commands.Match;
using FormationControl.Cli.Commands.Measure;
using FormationControl.Cli.Commands.Profile;
using FormationControl.Cli.Commands.Operate;
using FormationControl.Cli.Commands.Run;
using FormationControl.Cli.Commands.Serve;
using FormationControl.Cli.Commands.Sim;

namespace FormationControl.Cli;

/// <summary>The <c>fc</c> command: one executable, one subcommand per job.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CreateRoot().Parse(args).InvokeAsync();

    /// <summary>The full command tree (tests parse against it too).</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("FormationControl: forms, grades and traces lithium-ion cells on cycler channels over Modbus.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ModbusCommand.Create());
        root.Subcommands.Add(ProfileCommand.Create());
        root.Subcommands.Add(SimCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StartCommand.Create());
        root.Subcommands.Add(ChannelActionCommand.Create("pause", "Pause channels (output off, run kept) through fc serve."));
        root.Subcommands.Add(ChannelActionCommand.Create("resume", "Resume paused channels through fc serve."));
        root.Subcommands.Add(ChannelActionCommand.Create("stop", "Stop channels' runs (Aborted) through fc serve."));
        root.Subcommands.Add(ChannelActionCommand.Create("ack", "Acknowledge faulted channels through fc serve."));
        root.Subcommands.Add(JumpCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(GradeCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(CellCommand.Create());
        root.Subcommands.Add(MeasureCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        return root;
    }
}
