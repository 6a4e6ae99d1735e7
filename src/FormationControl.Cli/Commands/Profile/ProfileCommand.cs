using System.CommandLine;

namespace FormationControl.Cli.Commands.Profile;

/// <summary><c>fc profile</c>: check and inspect profile files before any cell is touched.</summary>
public static class ProfileCommand
{
    public static Command Create()
    {
        var command = new Command("profile", "Validate, inspect and dry-run profile JSON files.");
        command.Subcommands.Add(ProfileValidateCommand.Create());
        command.Subcommands.Add(ProfileShowCommand.Create());
        command.Subcommands.Add(ProfileSimulateCommand.Create());
        command.Subcommands.Add(ProfileReleaseCommand.Create());
        return command;
    }
}
