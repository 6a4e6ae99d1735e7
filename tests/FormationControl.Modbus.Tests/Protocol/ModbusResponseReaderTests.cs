using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tests.Protocol;

/// <summary>Response decoding against the specification's examples, and every way a response can be wrong.</summary>
public class ModbusResponseReaderTests
{
    [Fact]
    public void Decodes_read_holding_registers()
    {
        ushort[] registers = new ushort[3];

        ModbusResponseReader.ReadRegisters(Convert.FromHexString("0306022B00000064"), ModbusFunctionCode.ReadHoldingRegisters, registers);

        Assert.Equal(new ushort[] { 555, 0, 100 }, registers);
    }

    [Fact]
    public void Decodes_read_write_multiple_registers()
    {
        ushort[] registers = new ushort[6];

        ModbusResponseReader.ReadRegisters(Convert.FromHexString("170C00FE0ACD00010003000D00FF"), ModbusFunctionCode.ReadWriteMultipleRegisters, registers);

        Assert.Equal(new ushort[] { 0x00FE, 0x0ACD, 0x0001, 0x0003, 0x000D, 0x00FF }, registers);
    }

    [Fact]
    public void Decodes_read_discrete_inputs()
    {
        bool[] inputs = new bool[22];

        ModbusResponseReader.ReadBits(Convert.FromHexString("0203ACDB35"), ModbusFunctionCode.ReadDiscreteInputs, inputs);

        // AC = 1010 1100, DB = 1101 1011, 35 = 0011 0101 (first input in bit 0).
        string expected = "0011010111011011101011";
        Assert.Equal(expected, string.Concat(inputs.Select(b => b ? '1' : '0')));
    }

    [Theory]
    [InlineData("8302", ModbusExceptionCode.IllegalDataAddress)]
    [InlineData("8301", ModbusExceptionCode.IllegalFunction)]
    [InlineData("8303", ModbusExceptionCode.IllegalDataValue)]
    [InlineData("8304", ModbusExceptionCode.SlaveDeviceFailure)]
    public void Exception_response_throws_ModbusException_with_code_and_function(string pdu, ModbusExceptionCode code)
    {
        var e = Assert.Throws<ModbusException>(() =>
            ModbusResponseReader.ReadRegisters(Convert.FromHexString(pdu), ModbusFunctionCode.ReadHoldingRegisters, new ushort[1]));

        Assert.Equal(3, e.FunctionCode);
        Assert.Equal(code, e.ExceptionCode);
        Assert.Equal($"Modbus exception {(byte)code} ({code}) for function 3", e.Message);
    }

    [Theory]
    [InlineData("", "Empty response")]
    [InlineData("0402000A", "function code 4")]
    [InlineData("830203", "has 3 bytes")]
    [InlineData("0304022B0000", "states 4 data bytes")]
    [InlineData("0306022B0000", "6-byte PDU")]
    [InlineData("03", "states -1")]
    public void Malformed_register_response_throws_ModbusProtocolException(string pdu, string fragment)
    {
        var e = Assert.Throws<ModbusProtocolException>(() =>
            ModbusResponseReader.ReadRegisters(Convert.FromHexString(pdu), ModbusFunctionCode.ReadHoldingRegisters, new ushort[3]));

        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void Bit_response_with_wrong_byte_count_is_refused() =>
        Assert.Throws<ModbusProtocolException>(() =>
            ModbusResponseReader.ReadBits(Convert.FromHexString("010201FF"), ModbusFunctionCode.ReadCoils, new bool[8]));

    [Fact]
    public void Write_echo_must_repeat_the_request()
    {
        byte[] request = Convert.FromHexString("100001000204000A0102");

        ModbusResponseReader.CheckWriteEcho(Convert.FromHexString("1000010002"), request);
        var e = Assert.Throws<ModbusProtocolException>(() => ModbusResponseReader.CheckWriteEcho(Convert.FromHexString("1000010003"), request));
        Assert.Contains("does not echo", e.Message);
    }

    [Fact]
    public void Write_exception_response_throws_ModbusException()
    {
        var e = Assert.Throws<ModbusException>(() =>
            ModbusResponseReader.CheckWriteEcho(Convert.FromHexString("8602"), Convert.FromHexString("0600010003")));

        Assert.Equal(6, e.FunctionCode);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
    }
}
