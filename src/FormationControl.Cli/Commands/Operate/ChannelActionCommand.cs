using System.CommandLine;
using FormationControl.Cli.Commands.Api;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>
/// <c>fc pause|resume|stop|ack --channels RANGE --by NAME</c>: one operation on a list of rack channels through
/// <c>fc serve</c>, carried out at the next poll. Exit 0 every channel accepted; 1 a refusal or bad input; 3 no service.
/// </summary>
public static class ChannelActionCommand
{
    /// <summary>The command for <paramref name="action"/>: "pause", "resume", "stop" or "ack".</summary>
    public static Command Create(string action, string description)
    {
        var channels = new Option<string>("--channels") { Description = "Rack channels, like 1-8 or 1-8,12.", Required = true };
        var who = new OperatorOptions();
        var service = new ServiceOptions();
        var command = new Command(action, description) { channels };
        who.AddTo(command);
        service.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
            ServiceCall.PostOperationAsync(r, service, $"api/{action}", new ChannelsBody(r.GetValue(channels), null, who.Name(r), who.Role(r)), ct));
        return command;
    }
}
