namespace FormationControl.Storage;

/// <summary>
/// One item on the writer's queue. A struct so that appending a sample allocates nothing; every kind
/// shares the one queue so that the writer sees requests in the order they were made.
/// </summary>
internal readonly struct WriteRequest
{
    private WriteRequest(WriteRequestKind kind, in QuantisedSample sample, PendingWrite? write)
    {
        Kind = kind;
        Sample = sample;
        Write = write;
    }

    public static WriteRequest FlushTick { get; } = new(WriteRequestKind.FlushTick, default, null);

    public static WriteRequest CheckpointTick { get; } = new(WriteRequestKind.CheckpointTick, default, null);

    public WriteRequestKind Kind { get; }

    public QuantisedSample Sample { get; }

    public PendingWrite? Write { get; }

    public static WriteRequest ForSample(in QuantisedSample sample) => new(WriteRequestKind.Sample, sample, null);

    public static WriteRequest ForWrite(PendingWrite write) => new(WriteRequestKind.Write, default, write);
}

internal enum WriteRequestKind
{
    Sample,
    Write,
    FlushTick,
    CheckpointTick,
}
