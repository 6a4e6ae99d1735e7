using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Master;

/// <summary>Our master against our slave over real loopback sockets: every function code and exception.</summary>
public sealed class ModbusTcpMasterTests : IAsyncLifetime
{
    private const byte Unit = 17;
    private readonly RegisterBank _bank = new(1000, [Unit]);
    private LoopbackSlave _slave = null!;
    private ModbusTcpMaster _master = null!;

    public async Task InitializeAsync()
    {
        _slave = LoopbackSlave.Start(_bank);
        _master = await _slave.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _master.DisposeAsync().Within();
        await _slave.DisposeAsync();
    }

    [Fact]
    public async Task Reads_125_holding_registers()
    {
        ushort[] registers = new ushort[125];

        await _master.ReadHoldingRegistersAsync(Unit, 300, registers).Within();

        Assert.Equal(Enumerable.Range(300, 125).Select(a => (ushort)a), registers);
    }

    [Fact]
    public async Task Reads_input_registers()
    {
        ushort[] registers = new ushort[4];

        await _master.ReadInputRegistersAsync(Unit, 996, registers).Within();

        Assert.Equal(new ushort[] { 10996, 10997, 10998, 10999 }, registers);
    }

    [Fact]
    public async Task Reads_coils_and_discrete_inputs()
    {
        _bank.SetBit(Unit, ModbusTable.Coils, 10, true);
        _bank.SetBit(Unit, ModbusTable.Coils, 19, true);
        _bank.SetBit(Unit, ModbusTable.DiscreteInputs, 999, true);

        bool[] coils = await _master.ReadCoilsAsync(Unit, 10, 10).Within();
        bool[] inputs = await _master.ReadDiscreteInputsAsync(Unit, 0, 1000).Within();

        Assert.Equal([true, false, false, false, false, false, false, false, false, true], coils);
        Assert.Equal(Enumerable.Range(0, 1000).Select(a => a == 999), inputs);
    }

    [Fact]
    public async Task Writes_single_and_multiple_registers()
    {
        await _master.WriteSingleRegisterAsync(Unit, 5, 0xBEEF).Within();
        await _master.WriteMultipleRegistersAsync(Unit, 877, Enumerable.Range(0, 123).Select(i => (ushort)(i * 3)).ToArray()).Within();

        Assert.Equal(0xBEEF, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 5));
        Assert.Equal(0, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 877));
        Assert.Equal(366, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 999));
        Assert.Equal(876, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 876));
    }

    [Fact]
    public async Task Writes_single_and_multiple_coils()
    {
        bool[] pattern = Enumerable.Range(0, 1968).Select(i => i % 5 == 1).ToArray();
        var bank = new RegisterBank(3000, [Unit]);
        await using var slave = LoopbackSlave.Start(bank);
        await using var master = await slave.ConnectAsync();

        await master.WriteMultipleCoilsAsync(Unit, 1000, pattern).Within();
        await master.WriteSingleCoilAsync(Unit, 7, true).Within();
        await master.WriteSingleCoilAsync(Unit, 1001, false).Within();

        Assert.True(bank.GetBit(Unit, ModbusTable.Coils, 7));
        Assert.False(bank.GetBit(Unit, ModbusTable.Coils, 1001));
        Assert.True(bank.GetBit(Unit, ModbusTable.Coils, 1006));
        Assert.False(bank.GetBit(Unit, ModbusTable.Coils, 1007));
        Assert.True(bank.GetBit(Unit, ModbusTable.Coils, 1000 + 1966));
    }

    [Fact]
    public async Task Read_write_multiple_registers_writes_then_reads()
    {
        ushort[] read = new ushort[5];

        await _master.ReadWriteMultipleRegistersAsync(Unit, 48, read, 50, new ushort[] { 9, 8 }).Within();

        Assert.Equal(new ushort[] { 48, 49, 9, 8, 52 }, read);
        Assert.Equal(8, _bank.GetRegister(Unit, ModbusTable.HoldingRegisters, 51));
    }

    [Fact]
    public async Task Illegal_address_raises_ModbusException_code_2()
    {
        var e = await Assert.ThrowsAsync<ModbusException>(() => _master.ReadHoldingRegistersAsync(Unit, 990, 11));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
        Assert.Equal(3, e.FunctionCode);
        Assert.Equal("Modbus exception 2 (IllegalDataAddress) for function 3", e.Message);

        // The connection is still in step: the next request gets its own answer.
        Assert.Equal(new ushort[] { 989 }, await _master.ReadHoldingRegistersAsync(Unit, 989, 1).Within());
    }

    [Fact]
    public async Task Failing_store_raises_ModbusException_code_4()
    {
        await using var slave = LoopbackSlave.Start(new ThrowingStore(_bank, failingFrom: 100));
        await using var master = await slave.ConnectAsync();

        var e = await Assert.ThrowsAsync<ModbusException>(() => master.WriteSingleRegisterAsync(Unit, 100, 1).AsTask());

        Assert.Equal(ModbusExceptionCode.SlaveDeviceFailure, e.ExceptionCode);
        Assert.Equal(6, e.FunctionCode);
    }

    [Theory]
    [InlineData(ModbusExceptionCode.IllegalFunction)]
    [InlineData(ModbusExceptionCode.IllegalDataValue)]
    [InlineData(ModbusExceptionCode.GatewayTargetFailedToRespond)]
    public async Task Exception_codes_a_slave_sends_reach_the_caller(ModbusExceptionCode code)
    {
        // Our slave cannot be made to answer these to a valid request, so a scripted peer does.
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        Task<bool[]> reading = master.ReadCoilsAsync(3, 0, 8);
        var request = await peer.ReadRequestAsync();
        await peer.AnswerAsync(request.TransactionId, 3, 0x81, (byte)code);

        var e = await Assert.ThrowsAsync<ModbusException>(() => reading.Within());
        Assert.Equal(code, e.ExceptionCode);
        Assert.Equal(1, e.FunctionCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(126)]
    public async Task Register_counts_outside_the_limit_are_refused_before_sending(int count)
    {
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = master.ReadHoldingRegistersAsync(1, 0, new ushort[count]).AsTask(); });
        Assert.Equal("destination", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = master.WriteMultipleRegistersAsync(1, 0, new ushort[count == 0 ? 0 : 124]).AsTask(); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = master.WriteMultipleCoilsAsync(1, 0, new bool[count == 0 ? 0 : 1969]).AsTask(); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = master.ReadCoilsAsync(1, 0, new bool[count == 0 ? 0 : 2001]).AsTask(); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = master.ReadWriteMultipleRegistersAsync(1, 0, new ushort[1], 0, new ushort[count == 0 ? 0 : 122]).AsTask(); });
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => master.ReadInputRegistersAsync(1, 0, (ushort)count));

        // Nothing went out: the first request the peer sees is a valid one, with the first transaction id.
        Task<ushort[]> valid = master.ReadHoldingRegistersAsync(1, 0, 1);
        var request = await peer.ReadRequestAsync();
        Assert.Equal(1, request.TransactionId);
        Assert.Equal("0300000001", Convert.ToHexString(request.Pdu));
        await peer.AnswerAsync(1, 1, 0x03, 0x02, 0x00, 0x2A);
        Assert.Equal(new ushort[] { 42 }, await valid.Within());
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_own_answer()
    {
        Task[] callers = Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            ushort[] registers = new ushort[10];
            for (int i = 0; i < 50; i++)
            {
                ushort address = (ushort)((caller * 100) + i);
                await _master.ReadHoldingRegistersAsync(Unit, address, registers);
                Assert.Equal(Enumerable.Range(address, 10).Select(a => (ushort)a), registers);
            }
        })).ToArray();

        await Task.WhenAll(callers).Within();
    }

    [Fact]
    public async Task Transaction_ids_increase_by_one_per_request()
    {
        await using var peer = ScriptedSlave.Start();
        Task<ModbusTcpMaster> connecting = ModbusTcpMaster.ConnectAsync("127.0.0.1", peer.Port);
        await peer.AcceptAsync();
        await using var master = await connecting.Within();

        for (ushort expected = 1; expected <= 3; expected++)
        {
            Task writing = master.WriteSingleRegisterAsync(9, 4, expected).AsTask();
            var request = await peer.ReadRequestAsync();
            Assert.Equal(expected, request.TransactionId);
            Assert.Equal(9, request.UnitId);
            await peer.AnswerAsync(request.TransactionId, 9, request.Pdu);
            await writing.Within();
        }
    }
}
