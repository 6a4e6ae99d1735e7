namespace FormationControl.Controller.Hosting;

/// <summary>One unit in a <see cref="RackStatus"/>.</summary>
/// <param name="Name">The unit's name.</param>
/// <param name="Address">Where it is reached.</param>
/// <param name="Online">True when its last poll succeeded.</param>
/// <param name="LastError">The last communication failure, null after a good poll.</param>
/// <param name="FailedPolls">Polls that failed since the service started.</param>
/// <param name="WatchdogSet">True when the unit took the watchdog period since it last went silent.</param>
public sealed record UnitStatusEntry(string Name, string Address, bool Online, string? LastError, int FailedPolls, bool WatchdogSet);
