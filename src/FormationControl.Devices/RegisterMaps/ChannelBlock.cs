using FormationControl.Modbus.Protocol;

namespace FormationControl.Devices.RegisterMaps;

/// <summary>
/// The per-channel part of a register map: channel <c>c</c> (0-based) finds field <c>f</c> at
/// <c>base(f.Table) + c × Stride + f.Offset</c>.
/// </summary>
public sealed class ChannelBlock
{
    private readonly Dictionary<string, RegisterField> _byName;

    public ChannelBlock(int maxChannels, int stride, ushort holdingBase, ushort inputBase, IReadOnlyList<RegisterField> fields)
    {
        MaxChannels = maxChannels;
        Stride = stride;
        HoldingBase = holdingBase;
        InputBase = inputBase;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The most channels a unit of this type can have.</summary>
    public int MaxChannels { get; }

    /// <summary>Registers from one channel's block to the next, in every table.</summary>
    public int Stride { get; }

    public ushort HoldingBase { get; }

    public ushort InputBase { get; }

    public IReadOnlyList<RegisterField> Fields { get; }

    /// <summary>Looks a field up by name.</summary>
    public bool TryGetField(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RegisterField? field) =>
        _byName.TryGetValue(name, out field);

    /// <summary>Looks a field up by name, failing with the map's vocabulary when it is missing.</summary>
    public RegisterField Field(string name) =>
        _byName.TryGetValue(name, out var f)
            ? f
            : throw new KeyNotFoundException($"The register map has no channel field '{name}' (it has: {string.Join(", ", _byName.Keys)}).");

    /// <summary>The protocol address of a field for a 0-based channel.</summary>
    public ushort AddressOf(RegisterField field, int channel) =>
        (ushort)(BaseOf(field.Table) + (channel * Stride) + field.Offset);

    /// <summary>The first address of a channel's block in a table.</summary>
    public ushort BaseOf(ModbusTable table, int channel) => (ushort)(BaseOf(table) + (channel * Stride));

    /// <summary>How many registers of a table a channel's fields span from the block start.</summary>
    public int SpanOf(ModbusTable table) =>
        Fields.Where(f => f.Table == table).Select(f => f.Offset + f.Length).DefaultIfEmpty(0).Max();

    private ushort BaseOf(ModbusTable table) => table switch
    {
        ModbusTable.HoldingRegisters => HoldingBase,
        ModbusTable.InputRegisters => InputBase,
        _ => throw new NotSupportedException($"Channel fields live in holding or input registers, not {table}."),
    };
}
