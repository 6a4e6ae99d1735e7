using System.CommandLine;
using System.Text.Json;
using FormationControl.Cli.Commands.Api;
using FormationControl.Controller.Hosting;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>
/// <c>fc status [--json] [--all]</c>: the rack as <c>fc serve</c> last polled it: units online or offline, and every
/// channel with a run (all channels with <c>--all</c>). <c>--json</c> prints the API's answer as it is, for scripts.
/// Exit 0; 3 when no service answers.
/// </summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the status as the API's JSON object." };
        var all = new Option<bool>("--all") { Description = "List idle channels too." };
        var service = new ServiceOptions();
        var command = new Command("status", "Show units and channels as fc serve sees them.") { json, all };
        service.AddTo(command);
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var (address, problems) = service.Resolve(r);
            if (address is null)
            {
                return await ServiceCall.FailAsync(error, ExitCodes.UsageOrValidation, problems).ConfigureAwait(false);
            }

            using var client = new ServiceClient(address);
            var (text, code, problem) = await client.GetTextAsync("api/status", ct).ConfigureAwait(false);
            if (text is null)
            {
                return await ServiceCall.FailAsync(error, code, [problem!]).ConfigureAwait(false);
            }

            if (r.GetValue(json))
            {
                await output.WriteLineAsync(text).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var status = JsonSerializer.Deserialize<RackStatus>(text, ApiJson.Options)!;
            await output.WriteAsync(StatusTable.Format(status, r.GetValue(all))).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
