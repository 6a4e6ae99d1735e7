using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;

namespace FormationControl.Cli.Tests.Support;

/// <summary>A data store that calls back after every register write it applied: lets a test await what a device was told.</summary>
internal sealed class WriteObservedStore(IModbusDataStore inner, Action afterWrite) : IModbusDataStore
{
    public bool ServesUnit(byte unitId) => inner.ServesUnit(unitId);

    public ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination) =>
        inner.ReadRegisters(unitId, table, address, destination);

    public ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values)
    {
        var result = inner.WriteRegisters(unitId, address, values);
        afterWrite();
        return result;
    }

    public ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination) =>
        inner.ReadBits(unitId, table, address, destination);

    public ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values) =>
        inner.WriteBits(unitId, address, values);
}
