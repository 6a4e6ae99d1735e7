using System.CommandLine;
using FormationControl.Cli.Console;
using FormationControl.Controller.Configuration;
using FormationControl.Controller.Hosting;
using FormationControl.Controller.Operations;
using FormationControl.Core.Profiles;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Run;

/// <summary>
/// <c>fc run --config RACK.json --profile FILE --channels 1-64 --cells TRAY.csv --until-done [--json] [--engineering --by NAME]</c>:
/// runs a batch in the foreground and exits when every channel finished. Exit 0 every channel completed; 1 bad
/// input or a refused channel; 3 a unit cannot be reached, a channel faulted or aborted, the store failed, or the run
/// was interrupted.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Rack configuration JSON.", Required = true };
        var profile = new Option<string>("--profile") { Description = "Profile JSON to run.", Required = true };
        var channels = new Option<string>("--channels") { Description = "Rack channels, like 1-64 or 1-8,12.", Required = true };
        var cells = new Option<string>("--cells") { Description = "Tray file: CSV lines position,barcode.", Required = true };
        var untilDone = new Option<bool>("--until-done") { Description = "Stay in the foreground until every channel finished (required)." };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        var engineering = new Option<bool>("--engineering") { Description = "Accept an unreleased profile (engineer role; needs --by)." };
        var by = new Option<string?>("--by") { Description = "Who starts the run (written to the audit trail); default the login name." };
        var command = new Command("run", "Run a profile on rack channels in the foreground until every channel finished.")
        {
            config, profile, channels, cells, untilDone, json, engineering, by,
        };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var error = r.InvocationConfiguration.Error;
            if (!r.GetValue(untilDone))
            {
                await error.WriteLineAsync("fc run: give --until-done (runs without it belong to 'fc serve')").ConfigureAwait(false);
                return 1;
            }

            if (r.GetValue(engineering) && string.IsNullOrWhiteSpace(r.GetValue(by)))
            {
                await error.WriteLineAsync("--engineering: give --by NAME, the engineer who takes responsibility").ConfigureAwait(false);
                return 1;
            }

            var options = new RunOptions(r.GetValue(config)!, r.GetValue(profile)!, r.GetValue(channels)!, r.GetValue(cells)!,
                r.GetValue(json), r.GetValue(engineering), r.GetValue(by) ?? Environment.UserName);
            using var shutdown = new ShutdownSignal(ct);
            return await RunAsync(options, r.InvocationConfiguration.Output, error, shutdown.Token).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(RunOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var rack = RackConfigLoader.LoadFile(options.ConfigPath);
        var loaded = ProfileLoader.LoadFile(options.ProfilePath);
        var problems = rack.Diagnostics.Select(d => d.ToString()).Concat(loaded.Diagnostics.Select(d => d.ToString())).ToList();
        if (rack.Config is not { } config || loaded.Profile is not { } profile)
        {
            return await FailAsync(error, 1, problems).ConfigureAwait(false);
        }

        var (request, startProblems) = TrayStart.Create(loaded, options.Channels, options.TrayPath, config.ChannelCount, options.Engineering);
        if (request is null)
        {
            return await FailAsync(error, 1, startProblems).ConfigureAwait(false);
        }

        var (connection, unreachable) = await RackConnector.ConnectAsync(config, RackConnectMode.Strict, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return await FailAsync(error, 3, unreachable).ConfigureAwait(false);
        }

        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var store = FormationStore.Open(config.StoragePath, TimeProvider.System);
                await using (store.ConfigureAwait(false))
                {
                    var who = new OperatorIdentity(options.By, options.Engineering ? OperatorRole.Engineer : OperatorRole.Technician);
                    var summary = await new ForegroundRun(config, profile, TimeProvider.System)
                        .ExecuteAsync(connection.Supervisors, store, request, who, error, cancellationToken).ConfigureAwait(false);
                    await RunSummaryWriter.WriteAsync(summary, options.Json, output).ConfigureAwait(false);
                    await FailAsync(error, 0, summary.Channels.Where(c => c.State is not "Completed")
                        .Select(c => $"channel {c.Channel} ({c.Target}{(c.Cell is null ? string.Empty : ", cell " + c.Cell)}) {c.State}: {c.Reason}")).ConfigureAwait(false);
                    return summary.Succeeded ? 0 : summary.Faulted > 0 || summary.Other > 0 ? 3 : 1;
                }
            }
            catch (StorageException e)
            {
                return await FailAsync(error, 3, [$"{config.StoragePath}: {e.Message}"]).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return await FailAsync(error, 3, ["fc run: interrupted; the units' watchdogs turn the outputs off, the runs stay open in the store"]).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> FailAsync(TextWriter error, int code, IEnumerable<string> problems)
    {
        foreach (string problem in problems)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
        }

        return code;
    }
}
