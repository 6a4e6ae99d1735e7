using System.Buffers.Binary;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Slave;

/// <summary>
/// Answers one request PDU from an <see cref="IModbusDataStore"/> (slave side, any transport).
/// Checks follow the spec's order: unknown function → 1, bad quantity or malformed request → 3,
/// range outside the 65536 addresses → 2, then the store decides (typically 2); a store that throws → 4.
/// </summary>
internal static class ModbusPduResponder
{
    /// <summary>Writes the response to <paramref name="request"/> into <paramref name="response"/> (253 bytes) and returns its length.</summary>
    public static int Respond(IModbusDataStore store, byte unitId, ReadOnlySpan<byte> request, Span<byte> response)
    {
        byte function = request.IsEmpty ? (byte)0 : request[0];
        ModbusExceptionCode? error;
        int length = 0;
        try
        {
            error = (ModbusFunctionCode)function switch
            {
                ModbusFunctionCode.ReadCoils => ReadBits(store, unitId, ModbusTable.Coils, request, response, out length),
                ModbusFunctionCode.ReadDiscreteInputs => ReadBits(store, unitId, ModbusTable.DiscreteInputs, request, response, out length),
                ModbusFunctionCode.ReadHoldingRegisters => ReadRegisters(store, unitId, ModbusTable.HoldingRegisters, request, response, out length),
                ModbusFunctionCode.ReadInputRegisters => ReadRegisters(store, unitId, ModbusTable.InputRegisters, request, response, out length),
                ModbusFunctionCode.WriteSingleCoil => WriteSingleCoil(store, unitId, request, response, out length),
                ModbusFunctionCode.WriteSingleRegister => WriteSingleRegister(store, unitId, request, response, out length),
                ModbusFunctionCode.WriteMultipleCoils => WriteMultipleCoils(store, unitId, request, response, out length),
                ModbusFunctionCode.WriteMultipleRegisters => WriteMultipleRegisters(store, unitId, request, response, out length),
                ModbusFunctionCode.ReadWriteMultipleRegisters => ReadWriteMultipleRegisters(store, unitId, request, response, out length),
                _ => ModbusExceptionCode.IllegalFunction,
            };
        }
        catch (Exception)
        {
            // The store failed; the master hears about it as code 4 and the slave keeps serving.
            error = ModbusExceptionCode.SlaveDeviceFailure;
        }

        if (error is { } code)
        {
            response[0] = (byte)(function | 0x80);
            response[1] = (byte)code;
            return 2;
        }

        return length;
    }

    private static ModbusExceptionCode? ReadBits(
        IModbusDataStore store, byte unitId, ModbusTable table, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (!TryReadRange(request, 5, 1, ModbusLimits.MaxReadBits, out ushort address, out ushort quantity, out var rangeError))
        {
            return rangeError;
        }

        Span<bool> bits = stackalloc bool[quantity];
        if (store.ReadBits(unitId, table, address, bits) is { } error)
        {
            return error;
        }

        int byteCount = BitPacking.ByteCount(quantity);
        response[0] = request[0];
        response[1] = (byte)byteCount;
        BitPacking.Pack(bits, response[2..]);
        length = 2 + byteCount;
        return null;
    }

    private static ModbusExceptionCode? ReadRegisters(
        IModbusDataStore store, byte unitId, ModbusTable table, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (!TryReadRange(request, 5, 1, ModbusLimits.MaxReadRegisters, out ushort address, out ushort quantity, out var rangeError))
        {
            return rangeError;
        }

        Span<ushort> registers = stackalloc ushort[quantity];
        if (store.ReadRegisters(unitId, table, address, registers) is { } error)
        {
            return error;
        }

        response[0] = request[0];
        response[1] = (byte)(quantity * 2);
        RegisterPacking.Pack(registers, response[2..]);
        length = 2 + (quantity * 2);
        return null;
    }

    private static ModbusExceptionCode? WriteSingleCoil(
        IModbusDataStore store, byte unitId, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (request.Length != 5)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        ushort value = BinaryPrimitives.ReadUInt16BigEndian(request[3..]);
        if (value is not (0xFF00 or 0x0000))
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        ReadOnlySpan<bool> bit = [value == 0xFF00];
        if (store.WriteBits(unitId, BinaryPrimitives.ReadUInt16BigEndian(request[1..]), bit) is { } error)
        {
            return error;
        }

        length = Echo(request, response, 5);
        return null;
    }

    private static ModbusExceptionCode? WriteSingleRegister(
        IModbusDataStore store, byte unitId, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (request.Length != 5)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        ReadOnlySpan<ushort> value = [BinaryPrimitives.ReadUInt16BigEndian(request[3..])];
        if (store.WriteRegisters(unitId, BinaryPrimitives.ReadUInt16BigEndian(request[1..]), value) is { } error)
        {
            return error;
        }

        length = Echo(request, response, 5);
        return null;
    }

    private static ModbusExceptionCode? WriteMultipleCoils(
        IModbusDataStore store, byte unitId, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (request.Length < 6)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        int byteCount = request[5];
        if (!TryReadRange(request, 6 + byteCount, 1, ModbusLimits.MaxWriteBits, out ushort address, out ushort quantity, out var rangeError))
        {
            return rangeError;
        }

        if (byteCount != BitPacking.ByteCount(quantity))
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        Span<bool> bits = stackalloc bool[quantity];
        BitPacking.Unpack(request.Slice(6, byteCount), bits);
        if (store.WriteBits(unitId, address, bits) is { } error)
        {
            return error;
        }

        length = Echo(request, response, 5);
        return null;
    }

    private static ModbusExceptionCode? WriteMultipleRegisters(
        IModbusDataStore store, byte unitId, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (request.Length < 6)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        int byteCount = request[5];
        if (!TryReadRange(request, 6 + byteCount, 1, ModbusLimits.MaxWriteRegisters, out ushort address, out ushort quantity, out var rangeError))
        {
            return rangeError;
        }

        if (byteCount != quantity * 2)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        Span<ushort> registers = stackalloc ushort[quantity];
        RegisterPacking.Unpack(request.Slice(6, byteCount), registers);
        if (store.WriteRegisters(unitId, address, registers) is { } error)
        {
            return error;
        }

        length = Echo(request, response, 5);
        return null;
    }

    private static ModbusExceptionCode? ReadWriteMultipleRegisters(
        IModbusDataStore store, byte unitId, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (request.Length < 10)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        int byteCount = request[9];
        if (!TryReadRange(request, 10 + byteCount, 1, ModbusLimits.MaxReadRegisters, out ushort readAddress, out ushort readQuantity, out var readError))
        {
            return readError;
        }

        // The write address and quantity sit four bytes further on, laid out like the read ones.
        if (!TryReadRange(request[4..], 6 + byteCount, 1, ModbusLimits.MaxReadWriteWriteRegisters, out ushort writeAddress, out ushort writeQuantity, out var writeError))
        {
            return writeError;
        }

        if (byteCount != writeQuantity * 2)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        // Both ranges are checked before anything is done, then the spec performs the write before the read.
        if ((store.CheckRange(unitId, ModbusTable.HoldingRegisters, writeAddress, writeQuantity)
            ?? store.CheckRange(unitId, ModbusTable.HoldingRegisters, readAddress, readQuantity)) is { } rangeFailure)
        {
            return rangeFailure;
        }

        Span<ushort> registers = stackalloc ushort[Math.Max(readQuantity, writeQuantity)];
        RegisterPacking.Unpack(request.Slice(10, byteCount), registers[..writeQuantity]);
        if (store.WriteRegisters(unitId, writeAddress, registers[..writeQuantity]) is { } writeFailure)
        {
            return writeFailure;
        }

        if (store.ReadRegisters(unitId, ModbusTable.HoldingRegisters, readAddress, registers[..readQuantity]) is { } readFailure)
        {
            return readFailure;
        }

        response[0] = request[0];
        response[1] = (byte)(readQuantity * 2);
        RegisterPacking.Pack(registers[..readQuantity], response[2..]);
        length = 2 + (readQuantity * 2);
        return null;
    }

    /// <summary>
    /// Reads address and quantity at <paramref name="request"/>[1..5] of a request that must be
    /// <paramref name="expectedLength"/> bytes long; fails with code 3 for a bad length or quantity,
    /// and code 2 for a range past address 65535.
    /// </summary>
    private static bool TryReadRange(
        ReadOnlySpan<byte> request, int expectedLength, int min, int max,
        out ushort address, out ushort quantity, out ModbusExceptionCode? error)
    {
        address = quantity = 0;
        if (request.Length != expectedLength || request.Length < 5)
        {
            error = ModbusExceptionCode.IllegalDataValue;
            return false;
        }

        address = BinaryPrimitives.ReadUInt16BigEndian(request[1..]);
        quantity = BinaryPrimitives.ReadUInt16BigEndian(request[3..]);
        if (quantity < min || quantity > max)
        {
            error = ModbusExceptionCode.IllegalDataValue;
            return false;
        }

        if (address + quantity > 65536)
        {
            error = ModbusExceptionCode.IllegalDataAddress;
            return false;
        }

        error = null;
        return true;
    }

    private static int Echo(ReadOnlySpan<byte> request, Span<byte> response, int count)
    {
        request[..count].CopyTo(response);
        return count;
    }
}
