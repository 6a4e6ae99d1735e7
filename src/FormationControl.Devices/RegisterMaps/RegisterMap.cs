namespace FormationControl.Devices.RegisterMaps;

/// <summary>
/// The register layout of one device type, read from a JSON file by both the driver and the simulator,
/// so that supporting another vendor's cycler is writing a map rather than code.
/// </summary>
public sealed class RegisterMap
{
    private readonly Dictionary<string, RegisterField> _unitFields;

    public RegisterMap(string name, string? description, IReadOnlyList<RegisterField> unitFields, ChannelBlock channel)
    {
        Name = name;
        Description = description;
        UnitFields = unitFields;
        Channel = channel;
        _unitFields = unitFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The device type, e.g. <c>sim-cycler-v1</c>.</summary>
    public string Name { get; }

    public string? Description { get; }

    /// <summary>Fields that exist once per unit (identity, device clock, heartbeat), at absolute addresses.</summary>
    public IReadOnlyList<RegisterField> UnitFields { get; }

    /// <summary>The per-channel layout.</summary>
    public ChannelBlock Channel { get; }

    /// <summary>Looks up a unit field by name, failing with the map's vocabulary when it is missing.</summary>
    public RegisterField UnitField(string name) =>
        _unitFields.TryGetValue(name, out var f)
            ? f
            : throw new KeyNotFoundException($"The register map '{Name}' has no unit field '{name}' (it has: {string.Join(", ", _unitFields.Keys)}).");

    /// <summary>Looks up a unit field by name.</summary>
    public bool TryGetUnitField(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RegisterField? field) =>
        _unitFields.TryGetValue(name, out field);
}
