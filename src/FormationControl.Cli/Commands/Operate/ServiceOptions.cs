using System.CommandLine;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>The options every command that talks to <c>fc serve</c> takes: --server, --token, --config.</summary>
internal sealed class ServiceOptions
{
    private readonly Option<string?> _server = new("--server") { Description = "URL of fc serve (default: from --config, else http://127.0.0.1:8750)." };
    private readonly Option<string?> _token = new("--token") { Description = "Token for writes (default: env FC_TOKEN, else the configuration's)." };
    private readonly Option<string?> _config = new("--config") { Description = "Rack configuration JSON whose http section names the service." };

    public void AddTo(Command command)
    {
        command.Options.Add(_server);
        command.Options.Add(_token);
        command.Options.Add(_config);
    }

    public (ServiceAddress? Address, IReadOnlyList<string> Problems) Resolve(ParseResult result) =>
        ServiceAddress.Resolve(result.GetValue(_server), result.GetValue(_token), result.GetValue(_config));
}
