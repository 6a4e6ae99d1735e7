using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Slave;

/// <summary>
/// What a Modbus slave serves. The slave calls it synchronously, one request at a time per unit,
/// so an implementation (a plain register bank, or a simulator computing live values) only has to be
/// safe against concurrent calls from several connections.
/// A method returns <c>null</c> on success, or the exception code the slave must answer with.
/// An exception thrown by the store is answered as <see cref="ModbusExceptionCode.SlaveDeviceFailure"/>.
/// </summary>
public interface IModbusDataStore
{
    /// <summary>Whether this store answers for the unit id. A TCP slave does not answer unknown units.</summary>
    bool ServesUnit(byte unitId);

    /// <summary>Reads <paramref name="destination"/>.Length registers from a holding or input table.</summary>
    ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination);

    /// <summary>Writes holding registers.</summary>
    ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values);

    /// <summary>Reads bits from the coil or discrete-input table.</summary>
    ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination);

    /// <summary>Writes coils.</summary>
    ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values);

    /// <summary>
    /// Whether <paramref name="count"/> entries from <paramref name="address"/> exist in <paramref name="table"/>,
    /// asked before a request with two parts (function 23 writes, then reads), so that a read range the store does
    /// not hold is refused before the write is done, as the spec requires. Returns the exception code to answer
    /// with, or <c>null</c>. The default accepts every range and leaves the check to the read itself.
    /// </summary>
    ModbusExceptionCode? CheckRange(byte unitId, ModbusTable table, ushort address, int count) => null;
}
