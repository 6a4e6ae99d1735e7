using System.CommandLine;
using System.Globalization;
using FormationControl.Cli.Commands.Api;

namespace FormationControl.Cli.Commands.Operate;

/// <summary><c>fc jump --channel N --step LABEL --by NAME --role engineer</c>: moves a running or paused channel to another step.</summary>
public static class JumpCommand
{
    public static Command Create()
    {
        var channel = new Option<int>("--channel") { Description = "Rack channel number.", Required = true };
        var step = new Option<string>("--step") { Description = "Step label, or 1-based step number.", Required = true };
        var who = new OperatorOptions();
        var service = new ServiceOptions();
        var command = new Command("jump", "Jump a channel to another step of its profile (engineer role) through fc serve.") { channel, step };
        who.AddTo(command);
        service.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
            ServiceCall.PostOperationAsync(r, service, $"api/channels/{r.GetValue(channel).ToString(CultureInfo.InvariantCulture)}/jump",
                new ChannelsBody(null, r.GetValue(step), who.Name(r), who.Role(r)), ct));
        return command;
    }
}
