namespace FormationControl.Controller.Hosting;

/// <summary>What <see cref="RackConnector.ConnectAsync"/> found.</summary>
/// <param name="Rack">The connected rack; null in strict mode when a unit cannot be reached (nothing is left open then).</param>
/// <param name="Problems">One line per unit that cannot be reached (or refused its watchdog), naming unit and address.</param>
public sealed record RackConnectResult(ConnectedRack? Rack, IReadOnlyList<string> Problems);
