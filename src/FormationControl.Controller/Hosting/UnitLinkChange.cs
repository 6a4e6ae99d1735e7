namespace FormationControl.Controller.Hosting;

/// <summary>A unit came online (answered a poll) or went offline (a poll failed), as <see cref="RackService"/> reports it.</summary>
/// <param name="Unit">The unit's name.</param>
/// <param name="Address">Where it is reached.</param>
/// <param name="Online">True when it answers now.</param>
/// <param name="Error">Why it is offline; null when online.</param>
/// <param name="At">Controller time of the poll that showed it.</param>
public sealed record UnitLinkChange(string Unit, string Address, bool Online, string? Error, DateTimeOffset At);
