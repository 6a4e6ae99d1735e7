using System.CommandLine;
using FormationControl.Cli.Console;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>
/// <c>fc serve --config RACK.json [--host H] [--port P]</c>: runs the rack as a long-running service with a local
/// HTTP API (see <see cref="ApiEndpoints"/>) until SIGINT/SIGTERM. Exit 0 after a clean stop; 1 bad configuration or
/// an unsafe binding; 3 the store or the listening port failed.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Rack configuration JSON.", Required = true };
        var host = new Option<string?>("--host") { Description = "Address the API listens on (default: the configuration's http host, else 127.0.0.1)." };
        var port = new Option<int?>("--port") { Description = "Port the API listens on (default: the configuration's http port, else 8750; 0 picks a free one)." };
        var command = new Command("serve", "Run the rack as a service with a local HTTP API (fc start, pause, status ... talk to it).") { config, host, port };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var options = new ServeOptions(r.GetValue(config)!, r.GetValue(host), r.GetValue(port), Environment.GetEnvironmentVariable("FC_TOKEN"));
            if (options.Port is < 0 or > 65535)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"--port: {options.Port} is not a TCP port (0 to 65535)").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            using var shutdown = new ShutdownSignal(ct);
            return await ServeRun.RunAsync(options, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, shutdown.Token).ConfigureAwait(false);
        });
        return command;
    }
}
