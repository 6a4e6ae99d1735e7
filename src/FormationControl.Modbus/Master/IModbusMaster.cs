namespace FormationControl.Modbus.Master;

/// <summary>
/// A Modbus master (client) on one link. Calls may come from several threads; they are sent one at a
/// time. Addresses are 0-based PDU addresses. Quantities outside the spec's limits throw
/// <see cref="ArgumentOutOfRangeException"/> before anything is sent.
/// Failures: <see cref="Protocol.ModbusException"/> (the slave answered with an exception code),
/// <see cref="ModbusTimeoutException"/> (no answer in time), <see cref="ModbusTransportException"/>
/// (the link failed), <see cref="Protocol.ModbusProtocolException"/> (a malformed answer).
/// </summary>
public interface IModbusMaster : IAsyncDisposable
{
    /// <summary>Function 3: reads <paramref name="destination"/>.Length (1..125) holding registers.</summary>
    ValueTask ReadHoldingRegistersAsync(byte unitId, ushort address, Memory<ushort> destination, CancellationToken ct = default);

    /// <summary>Function 4: reads <paramref name="destination"/>.Length (1..125) input registers.</summary>
    ValueTask ReadInputRegistersAsync(byte unitId, ushort address, Memory<ushort> destination, CancellationToken ct = default);

    /// <summary>Function 1: reads <paramref name="destination"/>.Length (1..2000) coils.</summary>
    ValueTask ReadCoilsAsync(byte unitId, ushort address, Memory<bool> destination, CancellationToken ct = default);

    /// <summary>Function 2: reads <paramref name="destination"/>.Length (1..2000) discrete inputs.</summary>
    ValueTask ReadDiscreteInputsAsync(byte unitId, ushort address, Memory<bool> destination, CancellationToken ct = default);

    /// <summary>Function 6: writes one holding register.</summary>
    ValueTask WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken ct = default);

    /// <summary>Function 16: writes <paramref name="values"/>.Length (1..123) holding registers.</summary>
    ValueTask WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken ct = default);

    /// <summary>Function 5: switches one coil on or off.</summary>
    ValueTask WriteSingleCoilAsync(byte unitId, ushort address, bool value, CancellationToken ct = default);

    /// <summary>Function 15: writes <paramref name="values"/>.Length (1..1968) coils.</summary>
    ValueTask WriteMultipleCoilsAsync(byte unitId, ushort address, ReadOnlyMemory<bool> values, CancellationToken ct = default);

    /// <summary>
    /// Function 23: writes <paramref name="values"/> (1..121 registers) at <paramref name="writeAddress"/>,
    /// then reads <paramref name="destination"/>.Length (1..125) registers at <paramref name="readAddress"/>,
    /// in one transaction (the slave writes first).
    /// </summary>
    ValueTask ReadWriteMultipleRegistersAsync(
        byte unitId,
        ushort readAddress,
        Memory<ushort> destination,
        ushort writeAddress,
        ReadOnlyMemory<ushort> values,
        CancellationToken ct = default);
}
