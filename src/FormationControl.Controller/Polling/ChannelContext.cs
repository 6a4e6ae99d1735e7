using FormationControl.Controller.Channels;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Polling;

/// <summary>What an operator request sees when its unit's poll carries it out: the channel's run and its fresh status.</summary>
/// <param name="Unit">The unit's supervisor (to attach a new run).</param>
/// <param name="Channel">0-based channel on the unit.</param>
/// <param name="Run">The channel's run, finished or not; null if it never had one.</param>
/// <param name="Status">The status read in this poll; null when the unit did not answer.</param>
/// <param name="Now">Controller time of the poll.</param>
public readonly record struct ChannelContext(UnitSupervisor Unit, int Channel, ChannelRun? Run, ChannelStatus? Status, DateTimeOffset Now);

/// <summary>An operator request, carried out by the channel's unit during its next poll.</summary>
public delegate ValueTask<OperatorResponse> ChannelOperation(ChannelContext context, CancellationToken cancellationToken);
