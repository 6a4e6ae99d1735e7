using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Master;

public sealed class ModbusMasterExtensionsTests : IAsyncLifetime
{
    private LoopbackSlave _slave = null!;
    private ModbusTcpMaster _master = null!;

    public async Task InitializeAsync()
    {
        _slave = LoopbackSlave.Start(new RegisterBank(3000, [1]));
        _master = await _slave.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _master.DisposeAsync().Within();
        await _slave.DisposeAsync();
    }

    [Fact]
    public async Task Return_arrays_of_the_requested_length()
    {
        Assert.Equal(new ushort[] { 7, 8 }, await _master.ReadHoldingRegistersAsync(1, 7, 2).Within());
        Assert.Equal(new ushort[] { 10007 }, await _master.ReadInputRegistersAsync(1, 7, 1).Within());
        Assert.Equal(2000, (await _master.ReadCoilsAsync(1, 1000, 2000).Within()).Length);
        Assert.Equal(3, (await _master.ReadDiscreteInputsAsync(1, 0, 3).Within()).Length);
        Assert.Equal(new ushort[] { 9, 5 }, await _master.ReadWriteMultipleRegistersAsync(1, 9, 2, 10, new ushort[] { 5 }).Within());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(126)]
    public async Task Refuse_a_count_outside_the_limit_naming_it(int count)
    {
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _master.ReadHoldingRegistersAsync(1, 0, (ushort)count));
        Assert.Equal("count", e.ParamName);

        var rw = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _master.ReadWriteMultipleRegistersAsync(1, 0, (ushort)count, 0, new ushort[1]));
        Assert.Equal("readCount", rw.ParamName);
    }
}
