using FormationControl.Storage;

namespace FormationControl.Controller.Handoff;

/// <summary>Where handoffs are delivered (the packing line). Delivery of the same key twice must leave one copy.</summary>
public interface IHandoffTarget
{
    /// <summary>Names the target in handoff records, e.g. <c>folder:inbox</c>.</summary>
    string Name { get; }

    /// <summary>Delivers the handoff's files (full paths in the outbox); returns when the target holds all of them.</summary>
    Task DeliverAsync(HandoffRecord handoff, IReadOnlyList<string> files, CancellationToken cancellationToken);
}
