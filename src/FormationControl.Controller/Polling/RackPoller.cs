using FormationControl.Controller.Recording;

namespace FormationControl.Controller.Polling;

/// <summary>
/// One poll cycle over every unit of a rack, all units concurrently, and the wait until what the cycle
/// recorded is durable. Real-time and virtual-time loops both call <see cref="PollOnceAsync"/>.
/// </summary>
public sealed class RackPoller(IReadOnlyList<UnitSupervisor> units, StoreJournal journal, TimeProvider time)
{
    public IReadOnlyList<UnitSupervisor> Units { get; } = units;

    /// <summary>Cycles run so far.</summary>
    public long Cycles { get; private set; }

    /// <summary>True when every attached run has finished.</summary>
    public bool AllFinished => Units.All(u => u.Runs.Values.All(r => r.IsFinished));

    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var polls = new Task[Units.Count];
        for (int i = 0; i < polls.Length; i++)
        {
            polls[i] = Units[i].PollAsync(now, cancellationToken);
        }

        await Task.WhenAll(polls).ConfigureAwait(false);
        await journal.DrainAsync(cancellationToken).ConfigureAwait(false);
        Cycles++;
    }
}
