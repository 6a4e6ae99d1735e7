using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;

namespace FormationControl.Controller.Tests.Support;

/// <summary>
/// A cable that can be pulled: while unplugged the unit does not answer at all (the slave drops requests
/// for units it does not serve), so the master really times out on the socket.
/// </summary>
internal sealed class UnpluggableStore(IModbusDataStore inner) : IModbusDataStore
{
    public volatile bool Unplugged;

    /// <summary>Input register addresses reported as 0: a channel's contact register, to fake a cell without contact.</summary>
    public HashSet<ushort> ZeroedInputs { get; } = [];

    public bool ServesUnit(byte unitId) => !Unplugged && inner.ServesUnit(unitId);

    public ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination)
    {
        var result = inner.ReadRegisters(unitId, table, address, destination);
        if (table == ModbusTable.InputRegisters)
        {
            foreach (ushort zeroed in ZeroedInputs)
            {
                if (zeroed >= address && zeroed < address + destination.Length)
                {
                    destination[zeroed - address] = 0;
                }
            }
        }

        return result;
    }

    /// <summary>Called with each write's address and register count before the unit applies it.</summary>
    public Action<ushort, int>? BeforeWrite { get; set; }

    public ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values)
    {
        BeforeWrite?.Invoke(address, values.Length);
        return inner.WriteRegisters(unitId, address, values);
    }

    public ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination) =>
        inner.ReadBits(unitId, table, address, destination);

    public ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values) =>
        inner.WriteBits(unitId, address, values);
}
