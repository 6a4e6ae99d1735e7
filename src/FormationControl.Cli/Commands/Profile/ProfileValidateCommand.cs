using System.CommandLine;

namespace FormationControl.Cli.Commands.Profile;

/// <summary>
/// <c>fc profile validate FILE...</c>: exit 0 when every file is valid; otherwise 1, with one
/// <c>file:line:column: path: message</c> line per problem on standard error. Valid files are listed on standard output.
/// </summary>
public static class ProfileValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Profile JSON files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check profiles: every problem as file:line:column: path: message (standard error); exit 1 if any.")
        {
            files,
        };
        command.SetAction((ParseResult result, CancellationToken ct) =>
            Task.FromResult(ProfileValidation.Run(result.GetValue(files) ?? [], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)));
        return command;
    }
}
