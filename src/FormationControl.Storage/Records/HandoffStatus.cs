namespace FormationControl.Storage;

/// <summary>Where a handoff to the packing line stands.</summary>
public enum HandoffStatus
{
    /// <summary>Written to the outbox, not yet confirmed delivered.</summary>
    Pending,

    /// <summary>The target took it.</summary>
    Delivered,
}
