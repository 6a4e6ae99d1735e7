using FormationControl.Controller.Configuration;
using FormationControl.Controller.Hosting;
using FormationControl.Controller.Recovery;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>
/// <c>fc serve</c> from start to stop: loads the rack, connects it tolerantly (a silent unit is retried), opens the
/// store, starts the API, prints where it listens, then runs the rack until the shutdown signal; stops the API
/// first (requests in flight finish), then the poll loop (journal drained, store flushed), then the links.
/// </summary>
internal static class ServeRun
{
    public static async Task<int> RunAsync(ServeOptions options, TextWriter output, TextWriter error, CancellationToken shutdown)
    {
        var loaded = RackConfigLoader.LoadFile(options.ConfigPath);
        if (loaded.Config is not { } config)
        {
            return await FailAsync(error, ExitCodes.UsageOrValidation, loaded.Diagnostics.Select(d => d.ToString())).ConfigureAwait(false);
        }

        var http = new HttpConfig(options.Host ?? config.Http.Host, options.Port ?? config.Http.Port, config.Http.Token ?? options.Token);
        if (!ApiServer.TryAddress(http.Host, out var address))
        {
            return await FailAsync(error, 1, [$"fc serve: the API host '{http.Host}' is not an IP address or localhost"]).ConfigureAwait(false);
        }

        if (!http.IsLoopback && string.IsNullOrEmpty(http.Token))
        {
            return await FailAsync(error, 1, [$"fc serve: the API would listen on {http.Host}, reachable from other machines, without a token: set \"token\" in the http section of {options.ConfigPath} (or FC_TOKEN), or listen on 127.0.0.1"]).ConfigureAwait(false);
        }

        var log = new ServiceLog(output, TimeProvider.System);
        var (rack, problems) = await RackConnector.ConnectAsync(config, RackConnectMode.Tolerant, TimeProvider.System, shutdown).ConfigureAwait(false);
        if (rack is null)
        {
            return await FailAsync(error, 1, problems).ConfigureAwait(false);
        }

        await using (rack.ConfigureAwait(false))
        {
            FormationStore store;
            try
            {
                store = FormationStore.Open(config.StoragePath, TimeProvider.System);
            }
            catch (StorageException e)
            {
                return await FailAsync(error, ExitCodes.DeviceOrIo, [$"{config.StoragePath}: {e.Message}"]).ConfigureAwait(false);
            }

            await using (store.ConfigureAwait(false))
            {
                return await ServeAsync(config, http, address, rack, store, log, error, shutdown).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> ServeAsync(RackConfig config, HttpConfig http, System.Net.IPAddress address, ConnectedRack rack, FormationStore store,
        ServiceLog log, TextWriter error, CancellationToken shutdown)
    {
        var service = new RackService(config, rack, store, TimeProvider.System) { LinkChanged = log.Link, Startup = new RecoveryStartup(log.Line) };
        using var loopStop = new CancellationTokenSource();
        using var loopEnded = new CancellationTokenSource();
        var endpoints = new ApiEndpoints(service, log, loopEnded.Token);
        Microsoft.AspNetCore.Builder.WebApplication app;
        string url;
        try
        {
            (app, url) = await ApiServer.StartAsync(address, http.Port, endpoints, http.Token, shutdown).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            return await FailAsync(error, ExitCodes.DeviceOrIo, [$"fc serve: cannot listen on {http.Host}:{http.Port}: {e.Message}"]).ConfigureAwait(false);
        }

        await using (app.ConfigureAwait(false))
        {
            log.Line($"fc serve: rack {config.Name}, {rack.Units.Count} unit(s), {config.ChannelCount} channels, API on {url}{(http.Token is null ? string.Empty : " (writes need the token)")}");
            var loop = RunLoopAsync(service, loopEnded, loopStop.Token);
            int code = ExitCodes.Success;
            try
            {
                await loop.WaitAsync(shutdown).ConfigureAwait(false);
                code = await FailAsync(error, ExitCodes.DeviceOrIo, ["fc serve: the poll loop ended without being asked to"]).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                log.Line("fc serve: stopping");
            }
            catch (StorageException e)
            {
                code = await FailAsync(error, ExitCodes.DeviceOrIo, [$"fc serve: {config.StoragePath}: {e.Message}; stopping"]).ConfigureAwait(false);
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await loopStop.CancelAsync().ConfigureAwait(false);
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (StorageException e) when (code != ExitCodes.Success)
            {
                _ = e; // already reported
            }

            log.Line("fc serve: stopped");
            return code;
        }
    }

    private static async Task RunLoopAsync(RackService service, CancellationTokenSource ended, CancellationToken stop)
    {
        try
        {
            await service.RunAsync(stop).ConfigureAwait(false);
        }
        finally
        {
            // Requests still waiting for a poll get their answer: there will be none.
            await ended.CancelAsync().ConfigureAwait(false);
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
