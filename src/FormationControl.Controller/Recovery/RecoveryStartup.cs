using FormationControl.Controller.Hosting;

namespace FormationControl.Controller.Recovery;

/// <summary>
/// The service's start-up step that reattaches the runs a previous controller left open (<see cref="RunRecovery"/>),
/// and gives each channel whose last run faulted unacknowledged that fault back, before the first poll;
/// <paramref name="log"/> hears one line per run found.
/// </summary>
public sealed class RecoveryStartup(Action<string> log) : IRackStartup
{
    /// <summary>What the last start-up found.</summary>
    public IReadOnlyList<RecoveredRun> Found { get; private set; } = [];

    public async Task RunAsync(RackStartupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        Found = await RunRecovery.ReattachAsync(context.Store, context.Units, context.Journal, context.Time, cancellationToken, restoreUnacknowledgedFaults: true).ConfigureAwait(false);
        if (Found.Count == 0)
        {
            return;
        }

        int attached = Found.Count(r => r.IsAttached);
        log($"recovered {attached} run{(attached == 1 ? string.Empty : "s")}");
        foreach (var run in Found)
        {
            log(run.IsAttached ? $"  {run.Unit!.Name}/{run.Record.Channel} cell {run.Record.CellId}: {run.Detail}" : $"  not recovered: {run.Detail}");
        }
    }
}
