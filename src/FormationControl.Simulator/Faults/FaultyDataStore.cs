using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;

namespace FormationControl.Simulator.Faults;

/// <summary>
/// A data store that stops serving a unit while the plan says its response is dropped or the link is down: the slave
/// then does not answer (a master times out). The way to fail a serial line, where no transport can be put in the
/// middle; on TCP use <see cref="FaultyTcpProxy"/>, which can also delay and corrupt.
/// </summary>
public sealed class FaultyDataStore(IModbusDataStore inner, FaultPlan plan) : IModbusDataStore
{
    /// <summary>Requests not answered because of a fault.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    private long _dropped;

    /// <inheritdoc/>
    public bool ServesUnit(byte unitId)
    {
        if (!inner.ServesUnit(unitId))
        {
            return false;
        }

        if (plan.IsLinkDown() || plan.ShouldDrop(unitId))
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination) =>
        inner.ReadRegisters(unitId, table, address, destination);

    /// <inheritdoc/>
    public ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values) =>
        inner.WriteRegisters(unitId, address, values);

    /// <inheritdoc/>
    public ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination) =>
        inner.ReadBits(unitId, table, address, destination);

    /// <inheritdoc/>
    public ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values) =>
        inner.WriteBits(unitId, address, values);
}
