using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tests.Protocol;

/// <summary>Request encodings against the examples of the Modbus Application Protocol specification v1.1b3.</summary>
public class ModbusRequestWriterTests
{
    private readonly byte[] _pdu = new byte[ModbusLimits.MaxPduLength];

    [Theory]
    [InlineData(ModbusFunctionCode.ReadCoils, 19, 19, "0100130013")]
    [InlineData(ModbusFunctionCode.ReadDiscreteInputs, 196, 22, "0200C40016")]
    [InlineData(ModbusFunctionCode.ReadHoldingRegisters, 107, 3, "03006B0003")]
    [InlineData(ModbusFunctionCode.ReadInputRegisters, 8, 1, "0400080001")]
    public void Encodes_reads(ModbusFunctionCode function, ushort address, ushort quantity, string expected)
    {
        int length = ModbusRequestWriter.WriteRead(_pdu, function, address, quantity);

        Assert.Equal(expected, Hex(length));
    }

    [Fact]
    public void Encodes_write_single_coil_on_as_FF00_and_off_as_0000()
    {
        Assert.Equal("0500ACFF00", Hex(ModbusRequestWriter.WriteSingleCoil(_pdu, 172, true)));
        Assert.Equal("0500AC0000", Hex(ModbusRequestWriter.WriteSingleCoil(_pdu, 172, false)));
    }

    [Fact]
    public void Encodes_write_single_register() =>
        Assert.Equal("0600010003", Hex(ModbusRequestWriter.WriteSingleRegister(_pdu, 1, 3)));

    [Fact]
    public void Encodes_write_multiple_coils()
    {
        bool[] coils = [true, false, true, true, false, false, true, true, true, false];

        Assert.Equal("0F0013000A02CD01", Hex(ModbusRequestWriter.WriteMultipleCoils(_pdu, 19, coils)));
    }

    [Fact]
    public void Encodes_write_multiple_registers() =>
        Assert.Equal("100001000204000A0102", Hex(ModbusRequestWriter.WriteMultipleRegisters(_pdu, 1, [0x000A, 0x0102])));

    [Fact]
    public void Encodes_read_write_multiple_registers() =>
        Assert.Equal(
            "1700030006000E00030600FF00FF00FF",
            Hex(ModbusRequestWriter.WriteReadWriteMultiple(_pdu, 3, 6, 14, [0x00FF, 0x00FF, 0x00FF])));

    [Fact]
    public void Largest_requests_fit_the_PDU_limit()
    {
        Assert.Equal(ModbusLimits.MaxPduLength - 1, ModbusRequestWriter.WriteMultipleRegisters(_pdu, 0, new ushort[ModbusLimits.MaxWriteRegisters]));
        Assert.Equal(ModbusLimits.MaxPduLength - 1, ModbusRequestWriter.WriteReadWriteMultiple(_pdu, 0, 125, 0, new ushort[ModbusLimits.MaxReadWriteWriteRegisters]));
        Assert.Equal(ModbusLimits.MaxPduLength - 1, ModbusRequestWriter.WriteMultipleCoils(_pdu, 0, new bool[ModbusLimits.MaxWriteBits]));
    }

    private string Hex(int length) => Convert.ToHexString(_pdu, 0, length);
}
