using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Rack;

/// <summary>
/// Several simulated cycler units behind one Modbus endpoint (a gateway or a rack controller), routed by unit id.
/// </summary>
public sealed class SimulatedRack : IModbusDataStore
{
    private readonly SimulatedCyclerUnit?[] _byId = new SimulatedCyclerUnit?[256];

    /// <summary>Creates a rack; unit ids must be distinct.</summary>
    public SimulatedRack(IEnumerable<SimulatedCyclerUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var list = new List<SimulatedCyclerUnit>();
        foreach (var unit in units)
        {
            ArgumentNullException.ThrowIfNull(unit, nameof(units));
            if (_byId[unit.UnitId] is not null)
            {
                throw new ArgumentException($"Two units of the rack answer to unit id {unit.UnitId}.", nameof(units));
            }

            _byId[unit.UnitId] = unit;
            list.Add(unit);
        }

        Units = list;
    }

    /// <summary>The units in the order given.</summary>
    public IReadOnlyList<SimulatedCyclerUnit> Units { get; }

    /// <summary>The unit with an id, if the rack has it.</summary>
    public bool TryGetUnit(byte unitId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SimulatedCyclerUnit? unit)
    {
        unit = _byId[unitId];
        return unit is not null;
    }

    /// <inheritdoc/>
    public bool ServesUnit(byte unitId) => _byId[unitId] is not null;

    /// <inheritdoc/>
    public ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination) =>
        _byId[unitId] is { } unit ? unit.ReadRegisters(unitId, table, address, destination) : ModbusExceptionCode.GatewayPathUnavailable;

    /// <inheritdoc/>
    public ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values) =>
        _byId[unitId] is { } unit ? unit.WriteRegisters(unitId, address, values) : ModbusExceptionCode.GatewayPathUnavailable;

    /// <inheritdoc/>
    public ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination) =>
        _byId[unitId] is { } unit ? unit.ReadBits(unitId, table, address, destination) : ModbusExceptionCode.GatewayPathUnavailable;

    /// <inheritdoc/>
    public ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values) =>
        _byId[unitId] is { } unit ? unit.WriteBits(unitId, address, values) : ModbusExceptionCode.GatewayPathUnavailable;
}
