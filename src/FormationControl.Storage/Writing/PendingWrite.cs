namespace FormationControl.Storage;

/// <summary>A request that waits for the writer's commit: a precious record or a flush.</summary>
internal abstract class PendingWrite
{
    /// <summary>
    /// Called when the writer takes the request off the queue, in arrival order and outside any
    /// transaction: lets a write close sample blocks so that samples queued before it are stored with it.
    /// </summary>
    public virtual void OnDequeued(SampleBlockBuffer samples)
    {
    }

    /// <summary>Runs inside the writer's transaction. Throwing aborts the whole transaction.</summary>
    public abstract void Apply(StoreCollections collections);

    /// <summary>The transaction committed: report the outcome.</summary>
    public abstract void Complete();

    /// <summary>The transaction failed: nothing of this request was stored.</summary>
    public abstract void Fail(Exception error);
}

/// <summary>A <see cref="PendingWrite"/> whose caller awaits a <typeparamref name="TResult"/>.</summary>
internal abstract class PendingWrite<TResult> : PendingWrite
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;
    private Exception? _rejection;

    public Task<TResult> Task => _completion.Task;

    public sealed override void Apply(StoreCollections collections) => _result = Execute(collections);

    public sealed override void Complete()
    {
        if (_rejection is not null)
        {
            _completion.TrySetException(_rejection);
            return;
        }

        OnCommitted(_result!);
        _completion.TrySetResult(_result!);
    }

    public sealed override void Fail(Exception error) => _completion.TrySetException(error);

    /// <summary>Writes the request; calls <see cref="Reject"/> (and writes nothing) when the request itself is invalid.</summary>
    protected abstract TResult Execute(StoreCollections collections);

    /// <summary>Updates in-memory state once the result is durable, before the caller sees it.</summary>
    protected virtual void OnCommitted(TResult result)
    {
    }

    /// <summary>Marks the request invalid: its caller gets <paramref name="reason"/>; the rest of the batch is unaffected.</summary>
    protected TResult Reject(Exception reason)
    {
        _rejection = reason;
        return default!;
    }
}
