using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Master;

/// <summary>
/// One request as the master sees it: what to encode and where the answer goes. A struct, so a request
/// costs no allocation; the quantities were checked when it was built.
/// </summary>
internal readonly struct MasterOperation
{
    public ModbusFunctionCode Function { get; init; }

    public ushort Address { get; init; }

    /// <summary>Function 5 (0 or 1) and 6: the value to write.</summary>
    public ushort Value { get; init; }

    /// <summary>Function 23: where the values are written.</summary>
    public ushort WriteAddress { get; init; }

    public Memory<ushort> RegistersRead { get; init; }

    public ReadOnlyMemory<ushort> RegistersWritten { get; init; }

    public Memory<bool> BitsRead { get; init; }

    public ReadOnlyMemory<bool> BitsWritten { get; init; }

    /// <summary>Functions 5, 6, 15 and 16: the only ones a broadcast may carry.</summary>
    public bool IsWrite => Function is ModbusFunctionCode.WriteSingleCoil or ModbusFunctionCode.WriteSingleRegister
        or ModbusFunctionCode.WriteMultipleCoils or ModbusFunctionCode.WriteMultipleRegisters;

    public int Encode(Span<byte> pdu) => Function switch
    {
        ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs =>
            ModbusRequestWriter.WriteRead(pdu, Function, Address, (ushort)BitsRead.Length),
        ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters =>
            ModbusRequestWriter.WriteRead(pdu, Function, Address, (ushort)RegistersRead.Length),
        ModbusFunctionCode.WriteSingleCoil => ModbusRequestWriter.WriteSingleCoil(pdu, Address, Value != 0),
        ModbusFunctionCode.WriteSingleRegister => ModbusRequestWriter.WriteSingleRegister(pdu, Address, Value),
        ModbusFunctionCode.WriteMultipleCoils => ModbusRequestWriter.WriteMultipleCoils(pdu, Address, BitsWritten.Span),
        ModbusFunctionCode.WriteMultipleRegisters => ModbusRequestWriter.WriteMultipleRegisters(pdu, Address, RegistersWritten.Span),
        ModbusFunctionCode.ReadWriteMultipleRegisters => ModbusRequestWriter.WriteReadWriteMultiple(
            pdu, Address, (ushort)RegistersRead.Length, WriteAddress, RegistersWritten.Span),
        _ => throw new InvalidOperationException($"Function {Function} has no encoder."),
    };

    /// <summary>Checks <paramref name="response"/> against <paramref name="request"/> and stores what it carries.</summary>
    public void Decode(ReadOnlySpan<byte> response, ReadOnlySpan<byte> request)
    {
        switch (Function)
        {
            case ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs:
                ModbusResponseReader.ReadBits(response, Function, BitsRead.Span);
                break;
            case ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters
                or ModbusFunctionCode.ReadWriteMultipleRegisters:
                ModbusResponseReader.ReadRegisters(response, Function, RegistersRead.Span);
                break;
            default:
                ModbusResponseReader.CheckWriteEcho(response, request);
                break;
        }
    }
}
