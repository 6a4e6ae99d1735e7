using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;

namespace FormationControl.Modbus.Tests.Support;

/// <summary>
/// A register bank whose hardware "fails" at and above one address: any access that reaches it throws,
/// as a store backed by a broken device would. The slave must answer such requests with code 4.
/// </summary>
internal sealed class ThrowingStore(RegisterBank bank, ushort failingFrom) : IModbusDataStore
{
    public bool ServesUnit(byte unitId) => bank.ServesUnit(unitId);

    public ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination)
    {
        Check(address, destination.Length);
        return bank.ReadRegisters(unitId, table, address, destination);
    }

    public ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values)
    {
        Check(address, values.Length);
        return bank.WriteRegisters(unitId, address, values);
    }

    public ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination)
    {
        Check(address, destination.Length);
        return bank.ReadBits(unitId, table, address, destination);
    }

    public ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values)
    {
        Check(address, values.Length);
        return bank.WriteBits(unitId, address, values);
    }

    public ModbusExceptionCode? CheckRange(byte unitId, ModbusTable table, ushort address, int count) => bank.CheckRange(unitId, table, address, count);

    private void Check(ushort address, int count)
    {
        if (address + count > failingFrom)
        {
            throw new InvalidOperationException($"Device fault at address {failingFrom}.");
        }
    }
}
