using System.CommandLine;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>--by NAME and --role technician|engineer: who asks, as the audit trail records it.</summary>
internal sealed class OperatorOptions
{
    private readonly Option<string?> _by = new("--by") { Description = "Who asks (written to the audit trail); default the login name." };
    private readonly Option<string> _role = new("--role") { Description = "technician (default) or engineer.", DefaultValueFactory = _ => "technician" };

    public OperatorOptions()
    {
        _role.AcceptOnlyFromAmong("technician", "engineer");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_by);
        command.Options.Add(_role);
    }

    public string Name(ParseResult result) => result.GetValue(_by) is { Length: > 0 } by ? by : Environment.UserName;

    public string Role(ParseResult result) => result.GetValue(_role)!;
}
