using System.Collections.Concurrent;

namespace FormationControl.Storage;

/// <summary>
/// Ids of runs that accept samples: started and not yet completed. Read by callers of
/// <see cref="FormationStore.AppendSample"/> on any thread, changed by the writer after a commit.
/// </summary>
internal sealed class ActiveRuns(IEnumerable<long> running)
{
    private readonly ConcurrentDictionary<long, byte> _runs = new(running.Select(id => KeyValuePair.Create(id, (byte)0)));

    public bool Contains(long runId) => _runs.ContainsKey(runId);

    public void Add(long runId) => _runs[runId] = 0;

    public void Remove(long runId) => _runs.TryRemove(runId, out _);
}
