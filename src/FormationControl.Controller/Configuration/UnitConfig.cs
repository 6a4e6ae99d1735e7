using FormationControl.Devices.RegisterMaps;

namespace FormationControl.Controller.Configuration;

/// <summary>One cycler unit of a rack.</summary>
/// <param name="Name">Unique name ("U01"), used in run records.</param>
/// <param name="Transport">How the controller reaches the unit.</param>
/// <param name="UnitId">Modbus unit id (1-247).</param>
/// <param name="RegisterMapPath">The register map file, absolute.</param>
/// <param name="RegisterMap">The loaded register map.</param>
/// <param name="Channels">Channels in use on the unit (1 to the map's maximum).</param>
public sealed record UnitConfig(string Name, UnitTransport Transport, byte UnitId, string RegisterMapPath, RegisterMap RegisterMap, int Channels);
