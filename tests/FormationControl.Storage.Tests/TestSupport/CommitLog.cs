using System.Threading.Channels;

namespace FormationControl.Storage.Tests;

/// <summary>Records a store's commits so a test can await the next one (bounded, never sleeping).</summary>
internal sealed class CommitLog
{
    private readonly Channel<StoreCommittedEventArgs> _commits = Channel.CreateUnbounded<StoreCommittedEventArgs>();

    public CommitLog(FormationStore store) => store.Committed += (_, commit) => _commits.Writer.TryWrite(commit);

    public async Task<StoreCommittedEventArgs> NextAsync() =>
        await _commits.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Commits seen so far and not yet taken.</summary>
    public List<StoreCommittedEventArgs> TakeAll()
    {
        var taken = new List<StoreCommittedEventArgs>();
        while (_commits.Reader.TryRead(out var commit))
        {
            taken.Add(commit);
        }

        return taken;
    }
}
