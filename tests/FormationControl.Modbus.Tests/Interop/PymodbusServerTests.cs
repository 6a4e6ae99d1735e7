using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Interop;

/// <summary>Starts one pymodbus server for all tests of <see cref="PymodbusServerTests"/>.</summary>
public sealed class PymodbusServerFixture : IAsyncLifetime
{
    public const byte Unit = 3;
    public const int Size = 400;

    private PeerServer? _server;

    public int Port => _server!.Port;

    public async Task InitializeAsync() => _server = await PymodbusServer.StartTcpAsync(Unit, Size);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Our master against pymodbus's TCP server (an implementation nobody here wrote).</summary>
public sealed class PymodbusServerTests(PymodbusServerFixture fixture) : IClassFixture<PymodbusServerFixture>, IAsyncLifetime
{
    private const byte Unit = PymodbusServerFixture.Unit;
    private ModbusTcpMaster _master = null!;

    public async Task InitializeAsync() =>
        _master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", fixture.Port, new ModbusTcpMasterOptions { Timeout = TimeSpan.FromSeconds(3) }).Within();

    public async Task DisposeAsync() => await _master.DisposeAsync().Within();

    [Fact]
    public async Task Reads_all_four_tables()
    {
        ushort[] holding = await _master.ReadHoldingRegistersAsync(Unit, 10, 125).Within();
        ushort[] input = await _master.ReadInputRegistersAsync(Unit, 0, 125).Within();
        bool[] coils = await _master.ReadCoilsAsync(Unit, 1, 150).Within();
        bool[] discrete = await _master.ReadDiscreteInputsAsync(Unit, 0, 17).Within();

        Assert.Equal(Enumerable.Range(10, 125).Select(PeerData.Holding), holding);
        Assert.Equal(Enumerable.Range(0, 125).Select(PeerData.Input), input);
        Assert.Equal(Enumerable.Range(1, 150).Select(PeerData.Coil), coils);
        Assert.Equal(Enumerable.Range(0, 17).Select(PeerData.Discrete), discrete);
    }

    [Fact]
    public async Task Writes_registers_and_reads_them_back()
    {
        await _master.WriteSingleRegisterAsync(Unit, 200, 0xCAFE).Within();
        await _master.WriteMultipleRegistersAsync(Unit, 201, new ushort[] { 1, 2, 65535 }).Within();

        Assert.Equal(new ushort[] { 0xCAFE, 1, 2, 65535, PeerData.Holding(204) }, await _master.ReadHoldingRegistersAsync(Unit, 200, 5).Within());
    }

    [Fact]
    public async Task Read_write_multiple_registers_is_understood()
    {
        ushort[] read = new ushort[4];

        await _master.ReadWriteMultipleRegistersAsync(Unit, 300, read, 301, new ushort[] { 111, 222 }).Within();

        Assert.Equal(new ushort[] { PeerData.Holding(300), 111, 222, PeerData.Holding(303) }, read);
    }

    [Fact]
    public async Task Writes_coils_and_reads_them_back()
    {
        bool[] pattern = Enumerable.Range(0, 19).Select(i => i % 4 == 0).ToArray();

        await _master.WriteMultipleCoilsAsync(Unit, 250, pattern).Within();
        await _master.WriteSingleCoilAsync(Unit, 270, true).Within();
        await _master.WriteSingleCoilAsync(Unit, 250, false).Within();

        bool[] expected = [false, .. pattern[1..], PeerData.Coil(269), true];
        Assert.Equal(expected, await _master.ReadCoilsAsync(Unit, 250, 21).Within());
    }

    [Fact]
    public async Task Illegal_address_is_reported_as_exception_2()
    {
        var e = await Assert.ThrowsAsync<ModbusException>(() => _master.ReadHoldingRegistersAsync(Unit, PymodbusServerFixture.Size - 5, 10).Within());

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
        Assert.Equal(3, e.FunctionCode);
        Assert.Equal(new ushort[] { PeerData.Holding(5) }, await _master.ReadHoldingRegistersAsync(Unit, 5, 1).Within());
    }

    [Fact]
    public async Task A_unit_pymodbus_does_not_serve_times_out()
    {
        await using var master = await ModbusTcpMaster.ConnectAsync(
            "127.0.0.1", fixture.Port, new ModbusTcpMasterOptions { Timeout = TimeSpan.FromMilliseconds(300) }).Within();

        var e = await Assert.ThrowsAsync<ModbusTimeoutException>(() => master.ReadHoldingRegistersAsync(99, 0, 1).Within());

        Assert.Equal(99, e.UnitId);
    }
}
