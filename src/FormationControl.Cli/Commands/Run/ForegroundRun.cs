using FormationControl.Controller.Channels;
using FormationControl.Controller.Configuration;
using FormationControl.Controller.Operations;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using CellProfile = FormationControl.Core.Profiles.Profile;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Run;

/// <summary>
/// Runs a batch in the foreground: connects the rack, starts the channels through <see cref="RackOperations"/>,
/// polls at the configured interval until every started channel finished (or the signal stops it).
/// </summary>
internal sealed class ForegroundRun(RackConfig config, CellProfile profile, TimeProvider time)
{
    /// <summary>Polls <paramref name="units"/> while starting <paramref name="request"/>, until all runs finished.</summary>
    public async Task<RunSummary> ExecuteAsync(IReadOnlyList<UnitSupervisor> units, FormationStore store, StartRequest request, OperatorIdentity who, CancellationToken cancellationToken)
    {
        var journal = new StoreJournal(store);
        var poller = new RackPoller(units, journal, time);
        var operations = new RackOperations(units, store, journal, time);

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
        return Summarize(await start.ConfigureAwait(false), operations);
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
