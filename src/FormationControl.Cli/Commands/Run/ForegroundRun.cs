using FormationControl.Controller.Channels;
using FormationControl.Controller.Configuration;
using FormationControl.Controller.Operations;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Controller.Recovery;
using CellProfile = FormationControl.Core.Profiles.Profile;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Run;

/// <summary>
/// Runs a batch in the foreground: reattaches the runs a previous controller left open in the store
/// (<see cref="RunRecovery"/>), starts the channels through <see cref="RackOperations"/> (not those whose recovered
/// run is for the same cell), and polls at the configured interval until every run finished (or the signal stops it).
/// </summary>
internal sealed class ForegroundRun(RackConfig config, CellProfile profile, TimeProvider time)
{
    /// <summary>Polls <paramref name="units"/> while starting <paramref name="request"/>, until all runs finished.</summary>
    public async Task<RunSummary> ExecuteAsync(
        IReadOnlyList<UnitSupervisor> units, FormationStore store, StartRequest request, OperatorIdentity who, TextWriter log, CancellationToken cancellationToken)
    {
        var journal = new StoreJournal(store);
        var poller = new RackPoller(units, journal, time);
        var operations = new RackOperations(units, store, journal, time);
        var recovered = await RecoverAsync(units, store, journal, log, cancellationToken).ConfigureAwait(false);
        var cells = recovered.ToDictionary(r => r.Outcome.Channel, r => r.CellId);
        request = request with { Channels = [.. request.Channels.Where(c => cells.GetValueOrDefault(c) is not { } cell || cell != request.Cells.GetValueOrDefault(c))] };

        // Start requests are carried out by the units at their next poll, so the loop polls while the start waits.
        var start = operations.StartAsync(request, who, cancellationToken);
        using var timer = new PeriodicTimer(config.PollInterval, time);
        do
        {
            await poller.PollOnceAsync(cancellationToken).ConfigureAwait(false);
            if (start.IsCompleted && poller.AllFinished)
            {
                break;
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));

        await store.FlushAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = (await start.ConfigureAwait(false)).Concat(recovered.Select(r => r.Outcome)).OrderBy(o => o.Channel).ToList();
        return Summarize(outcomes, operations);
    }

    // The runs found open in the store and attached again, with their cells.
    private async Task<List<(ChannelOutcome Outcome, string CellId)>> RecoverAsync(
        IReadOnlyList<UnitSupervisor> units, FormationStore store, StoreJournal journal, TextWriter log, CancellationToken cancellationToken)
    {
        var found = await RunRecovery.ReattachAsync(store, units, journal, time, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return [];
        }

        var attached = found.Where(r => r.IsAttached).ToList();
        await log.WriteLineAsync($"recovered {attached.Count} run{(attached.Count == 1 ? string.Empty : "s")}").ConfigureAwait(false);
        foreach (var left in found.Where(r => !r.IsAttached))
        {
            await log.WriteLineAsync($"not recovered: {left.Detail}").ConfigureAwait(false);
        }

        return [.. attached.Select(r => (new ChannelOutcome(RackChannel(units, r.Unit!, r.Record.Channel), $"{r.Unit!.Name}/{r.Record.Channel}", true, r.Detail, r.Record.Id), r.Record.CellId))];
    }

    private static int RackChannel(IReadOnlyList<UnitSupervisor> units, UnitSupervisor unit, int channel)
    {
        int first = 0;
        foreach (var u in units.TakeWhile(u => u != unit))
        {
            first += u.Driver.ChannelCount;
        }

        return first + channel;
    }

    private RunSummary Summarize(IReadOnlyList<ChannelOutcome> outcomes, RackOperations operations)
    {
        var channels = new List<ChannelSummary>();
        int completed = 0, faulted = 0, refused = 0, other = 0;
        foreach (var outcome in outcomes)
        {
            if (!outcome.Accepted)
            {
                refused++;
                channels.Add(new ChannelSummary(outcome.Channel, outcome.Target, null, outcome.RunId, "Refused", outcome.Detail));
                continue;
            }

            var (unit, index) = operations.Locate(outcome.Channel);
            var run = unit.Runs[index];
            _ = run.State switch
            {
                ChannelState.Completed => completed++,
                ChannelState.Faulted => faulted++,
                _ => other++,
            };
            channels.Add(new ChannelSummary(outcome.Channel, outcome.Target, run.CellId, run.RunId, run.State.ToString(), run.Reason));
        }

        return new RunSummary(config.Name, $"{profile.Name} {profile.Version}", profile.Hash, completed, faulted, refused, other, channels);
    }
}
