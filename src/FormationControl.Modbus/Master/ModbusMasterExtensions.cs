using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Master;

/// <summary>Array-returning forms of the reads, for callers that do not keep their own buffers.</summary>
public static class ModbusMasterExtensions
{
    /// <summary>Function 3: reads <paramref name="count"/> (1..125) holding registers into a new array.</summary>
    public static async Task<ushort[]> ReadHoldingRegistersAsync(
        this IModbusMaster master, byte unitId, ushort address, ushort count, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(master);
        ModbusLimits.CheckQuantity(count, ModbusLimits.MaxReadRegisters, address, nameof(count), ModbusFunctionCode.ReadHoldingRegisters);
        var registers = new ushort[count];
        await master.ReadHoldingRegistersAsync(unitId, address, registers.AsMemory(), ct).ConfigureAwait(false);
        return registers;
    }

    /// <summary>Function 4: reads <paramref name="count"/> (1..125) input registers into a new array.</summary>
    public static async Task<ushort[]> ReadInputRegistersAsync(
        this IModbusMaster master, byte unitId, ushort address, ushort count, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(master);
        ModbusLimits.CheckQuantity(count, ModbusLimits.MaxReadRegisters, address, nameof(count), ModbusFunctionCode.ReadInputRegisters);
        var registers = new ushort[count];
        await master.ReadInputRegistersAsync(unitId, address, registers.AsMemory(), ct).ConfigureAwait(false);
        return registers;
    }

    /// <summary>Function 1: reads <paramref name="count"/> (1..2000) coils into a new array.</summary>
    public static async Task<bool[]> ReadCoilsAsync(
        this IModbusMaster master, byte unitId, ushort address, ushort count, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(master);
        ModbusLimits.CheckQuantity(count, ModbusLimits.MaxReadBits, address, nameof(count), ModbusFunctionCode.ReadCoils);
        var bits = new bool[count];
        await master.ReadCoilsAsync(unitId, address, bits.AsMemory(), ct).ConfigureAwait(false);
        return bits;
    }

    /// <summary>Function 2: reads <paramref name="count"/> (1..2000) discrete inputs into a new array.</summary>
    public static async Task<bool[]> ReadDiscreteInputsAsync(
        this IModbusMaster master, byte unitId, ushort address, ushort count, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(master);
        ModbusLimits.CheckQuantity(count, ModbusLimits.MaxReadBits, address, nameof(count), ModbusFunctionCode.ReadDiscreteInputs);
        var bits = new bool[count];
        await master.ReadDiscreteInputsAsync(unitId, address, bits.AsMemory(), ct).ConfigureAwait(false);
        return bits;
    }

    /// <summary>Function 23: writes <paramref name="values"/> (1..121), then reads <paramref name="readCount"/> (1..125) registers into a new array.</summary>
    public static async Task<ushort[]> ReadWriteMultipleRegistersAsync(
        this IModbusMaster master,
        byte unitId,
        ushort readAddress,
        ushort readCount,
        ushort writeAddress,
        ReadOnlyMemory<ushort> values,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(master);
        ModbusLimits.CheckQuantity(readCount, ModbusLimits.MaxReadRegisters, readAddress, nameof(readCount), ModbusFunctionCode.ReadWriteMultipleRegisters);
        var registers = new ushort[readCount];
        await master.ReadWriteMultipleRegistersAsync(unitId, readAddress, registers.AsMemory(), writeAddress, values, ct).ConfigureAwait(false);
        return registers;
    }
}
