using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Slave;

public class ModbusPduResponderTests
{
    private const byte Unit = 1;
    private readonly RegisterBank _bank = new(200, [Unit]);

    [Fact]
    public void Reads_holding_registers()
    {
        Assert.Equal("0306006B006C006D", Respond("03006B0003"));
    }

    [Fact]
    public void Reads_input_registers()
    {
        Assert.Equal("04022718", Respond("0400080001")); // 10000 + 8
    }

    [Fact]
    public void Reads_coils_and_discrete_inputs_packed()
    {
        _bank.SetBit(Unit, ModbusTable.Coils, 20, true);
        _bank.SetBit(Unit, ModbusTable.Coils, 29, true);
        _bank.SetBit(Unit, ModbusTable.DiscreteInputs, 7, true);

        Assert.Equal("01030102" + "00", Respond("0100140013")); // coils 20..38: bits 0 and 9
        Assert.Equal("020180", Respond("0200000008"));
    }

    [Fact]
    public void Writes_a_single_coil_and_echoes()
    {
        Assert.Equal("0500ACFF00", Respond("0500ACFF00"));
        Assert.True(_bank.GetBit(Unit, ModbusTable.Coils, 172));

        Assert.Equal("0500AC0000", Respond("0500AC0000"));
        Assert.False(_bank.GetBit(Unit, ModbusTable.Coils, 172));
    }

    [Fact]
    public void Writes_a_single_register_and_echoes()
    {
        Assert.Equal("0600010003", Respond("0600010003"));
        Assert.Equal(3, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 1));
    }

    [Fact]
    public void Writes_multiple_coils_and_echoes_address_and_quantity()
    {
        Assert.Equal("0F0013000A", Respond("0F0013000A02CD01"));

        bool[] coils = new bool[10];
        _bank.ReadBits(Unit, ModbusTable.Coils, 19, coils);
        Assert.Equal("1011001110", string.Concat(coils.Select(c => c ? '1' : '0')));
    }

    [Fact]
    public void Writes_multiple_registers_and_echoes_address_and_quantity()
    {
        Assert.Equal("1000010002", Respond("100001000204000A0102"));
        Assert.Equal(0x000A, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 1));
        Assert.Equal(0x0102, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 2));
    }

    [Fact]
    public void Read_write_multiple_writes_before_it_reads()
    {
        // Write 3 registers at 14, read 6 at 12: the read sees the new values at 14..16.
        Assert.Equal("170C000C000D00FF00FE00FD0011", Respond("1700 0C 0006 000E 0003 06 00FF00FE00FD".Replace(" ", "")));
    }

    [Theory]
    [InlineData("07", "8701")] // read exception status: not served
    [InlineData("2B0E0100", "AB01")] // device identification: not served
    [InlineData("0300000000", "8303")] // quantity 0
    [InlineData("030000007E", "8303")] // quantity 126
    [InlineData("01000007D1", "8103")] // 2001 coils
    [InlineData("03000000", "8303")] // truncated
    [InlineData("0300000001FF", "8303")] // one byte too many
    [InlineData("0500001234", "8503")] // coil value neither FF00 nor 0000
    [InlineData("0F0000000A0100", "8F03")] // byte count 1 for 10 coils
    [InlineData("1000000002020001", "9003")] // byte count 2 for 2 registers
    [InlineData("0300C80001", "8302")] // address 200 of a 200-register bank
    [InlineData("0300C0000A", "8302")] // 192..201 runs past the end
    [InlineData("03FFFF0002", "8302")] // runs past 65535
    [InlineData("0600C80001", "8602")]
    [InlineData("0500C8FF00", "8502")]
    [InlineData("1700000001 00C8 0001 02 0001", "9702")]
    public void Answers_bad_requests_with_the_spec_exception(string request, string response)
    {
        Assert.Equal(response, Respond(request.Replace(" ", "")));
    }

    [Theory]
    [InlineData("0F", 1969, 247)] // 1969 coils need 247 bytes
    [InlineData("10", 124, 248)]
    [InlineData("17", 122, 244)] // write half of 23
    public void Refuses_write_quantities_above_the_limit_even_when_the_bytes_are_all_there(string function, int quantity, int byteCount)
    {
        string head = function == "17" ? "17" + "0000" + "0001" + "0000" : function + "0000";
        string request = head + quantity.ToString("X4") + byteCount.ToString("X2") + new string('0', byteCount * 2);

        Assert.Equal($"{Convert.ToByte(function, 16) | 0x80:X2}03", Respond(request));
    }

    [Fact]
    public void A_store_that_throws_is_answered_with_slave_device_failure()
    {
        var store = new ThrowingStore(_bank, failingFrom: 100);

        Assert.Equal("8304", Respond(store, "0300630002"));
        Assert.Equal("0302" + "0063", Respond(store, "0300630001"));
    }

    [Fact]
    public void Largest_responses_fit_the_PDU_limit()
    {
        var bank = new RegisterBank(2000, [Unit]);
        Assert.Equal(2 + 250, Respond(bank, "03000000" + "7D").Length / 2);
        Assert.Equal(2 + 250, Respond(bank, "010000" + "07D0").Length / 2);
    }

    private string Respond(string requestHex) => Respond(_bank, requestHex);

    private static string Respond(IModbusDataStore store, string requestHex)
    {
        byte[] response = new byte[ModbusLimits.MaxPduLength];
        int length = ModbusPduResponder.Respond(store, Unit, Convert.FromHexString(requestHex), response);
        return Convert.ToHexString(response, 0, length);
    }

    [Fact]
    public void Read_write_multiple_with_a_read_range_past_the_store_answers_2_and_leaves_the_write_undone()
    {
        var bank = new RegisterBank(100, [1]);
        byte[] response = new byte[253];

        // Write 2 registers at 10, read 5 at 98 (past the 100-entry bank).
        int length = ModbusPduResponder.Respond(bank, 1, Convert.FromHexString("170062000500 0A0002 04 BEEF CAFE".Replace(" ", "", StringComparison.Ordinal)), response);

        Assert.Equal("9702", Convert.ToHexString(response, 0, length));
        Assert.Equal(10, bank.GetRegister(1, ModbusTable.HoldingRegisters, 10));
    }

    [Fact]
    public void A_store_that_does_not_check_ranges_up_front_is_asked_by_its_read_as_before()
    {
        IModbusDataStore store = new MinimalStore();

        Assert.Null(store.CheckRange(1, ModbusTable.HoldingRegisters, 0, 10));
    }

    /// <summary>A store that implements only what it must (like one written before CheckRange existed).</summary>
    private sealed class MinimalStore : IModbusDataStore
    {
        public bool ServesUnit(byte unitId) => true;

        public ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination) => null;

        public ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values) => null;

        public ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination) => null;

        public ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values) => null;
    }
}
