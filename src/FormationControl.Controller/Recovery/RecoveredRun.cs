using FormationControl.Controller.Channels;
using FormationControl.Controller.Polling;
using FormationControl.Storage;

namespace FormationControl.Controller.Recovery;

/// <summary>A run the store held as Running when the controller started, and what recovery made of it.</summary>
/// <param name="Record">The stored run.</param>
/// <param name="Run">The run attached to its channel again; null when it could not be (see <paramref name="Detail"/>).</param>
/// <param name="Unit">The unit it is attached to; null when not attached.</param>
/// <param name="Detail">What was done, or why the run was left open in the store.</param>
public sealed record RecoveredRun(RunRecord Record, ChannelRun? Run, UnitSupervisor? Unit, string Detail)
{
    /// <summary>True when the run was attached again and goes on at the next poll.</summary>
    public bool IsAttached => Run is not null;
}
