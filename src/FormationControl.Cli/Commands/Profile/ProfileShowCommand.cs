using System.CommandLine;

namespace FormationControl.Cli.Commands.Profile;

/// <summary><c>fc profile show FILE</c>: the resolved profile (name, version, hash, cell, safety) and its step table.</summary>
public static class ProfileShowCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Profile JSON file." };
        var command = new Command("show", "Print the resolved step table (index, label, type, setpoints in A and V, limits and actions), name, version and hash.")
        {
            file,
        };
        command.SetAction((ParseResult result, CancellationToken ct) =>
            Task.FromResult(ProfileShow.Run(result.GetValue(file)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)));
        return command;
    }
}
