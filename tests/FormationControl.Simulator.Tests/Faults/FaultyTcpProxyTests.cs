using System.Net;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Faults;
using FormationControl.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Simulator.Tests.Faults;

/// <summary>Link faults over real Modbus TCP: our master, the proxy, our slave serving the simulated rack.</summary>
public sealed class FaultyTcpProxyTests : IAsyncLifetime
{
    private readonly SimulatedUnits _sim = new();
    private readonly FakeTimeProvider _wall = new();
    private ModbusTcpSlave _slave = null!;
    private FaultyTcpProxy _proxy = null!;
    private FaultPlan _plan = null!;
    private IPEndPoint _endpoint = null!;

    public Task InitializeAsync()
    {
        _slave = new ModbusTcpSlave(_sim.Rack);
        var upstream = _slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
        _plan = new FaultPlan(_sim.Clock, _sim.Units, seed: 5);
        _proxy = new FaultyTcpProxy(upstream, _plan, _wall);
        _endpoint = _proxy.Start(new IPEndPoint(IPAddress.Loopback, 0));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _slave.DisposeAsync();
    }

    [Fact]
    public async Task Without_faults_the_proxy_is_transparent()
    {
        await using var master = await ConnectAsync();
        Assert.Equal([0x4643, 1, 4], await master.ReadInputRegistersAsync(2, 0, 3).Within());
    }

    [Fact]
    public async Task A_dropped_response_leaves_the_master_to_time_out_while_other_units_answer()
    {
        _plan.Add(new DropResponses(1, 2, FaultWindow.Always));
        var dropped = Next("drop");
        await using var master = await ConnectAsync();
        var read = master.ReadInputRegistersAsync(2, 0, 3);
        Assert.Equal(2, await dropped.Within());
        _wall.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => read.Within());
        Assert.Equal([0x4643, 1, 4], await master.ReadInputRegistersAsync(1, 0, 3).Within());
        Assert.Equal(1, _proxy.ResponsesDropped);
    }

    [Fact]
    public async Task A_delayed_response_arrives_once_its_delay_has_passed()
    {
        _plan.Add(new DelayResponses(TimeSpan.FromMilliseconds(700), null, FaultWindow.Always));
        var delayed = Next("delay");
        await using var master = await ConnectAsync(TimeSpan.FromSeconds(5));
        var read = master.ReadInputRegistersAsync(1, 0, 3);
        await delayed.Within();
        _wall.Advance(TimeSpan.FromMilliseconds(699));
        Assert.False(read.IsCompleted);
        _wall.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([0x4643, 1, 4], await read.Within());
    }

    [Fact]
    public async Task A_corrupted_response_is_never_the_true_one()
    {
        var truth = new ushort[10];
        Assert.Null(_sim.Rack.ReadRegisters(1, ModbusTable.InputRegisters, 1000, truth));
        _plan.Add(new CorruptResponses(1, FaultWindow.Always));
        for (int i = 0; i < 20; i++)
        {
            await using var master = await ConnectAsync();
            var corrupted = Next("corrupt");
            var read = master.ReadInputRegistersAsync(1, 1000, 10);
            await corrupted.Within();
            _wall.Advance(TimeSpan.FromSeconds(1));
            try
            {
                Assert.NotEqual(truth, await read.Within());
            }
            catch (Exception e) when (e is ModbusProtocolException or ModbusException or ModbusTimeoutException)
            {
                // A damaged function code, byte count or unit id is caught by the master.
            }
        }

        Assert.Equal(20, _proxy.ResponsesCorrupted);
    }

    [Fact]
    public async Task While_the_link_is_down_connections_drop_and_afterwards_the_master_reconnects()
    {
        await using (var before = await ConnectAsync())
        {
            _plan.Add(new LinkDown(new FaultWindow(TimeSpan.Zero, TimeSpan.FromMinutes(1))));
            await Assert.ThrowsAsync<ModbusTransportException>(() => before.ReadInputRegistersAsync(1, 0, 3).Within());
        }

        var refused = Next("link-down");
        var during = ModbusTcpMaster.ConnectAsync("127.0.0.1", _endpoint.Port, new ModbusTcpMasterOptions { Timeout = TimeSpan.FromSeconds(1), TimeProvider = _wall });
        await refused.Within();
        try
        {
            await using var master = await during.Within();
            await Assert.ThrowsAsync<ModbusTransportException>(() => master.ReadInputRegistersAsync(1, 0, 3).Within());
        }
        catch (ModbusTransportException)
        {
            // Or the connection is already seen closed while it opens.
        }

        _sim.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var after = await ConnectAsync();
        Assert.Equal([0x4643, 1, 4], await after.ReadInputRegistersAsync(1, 0, 3).Within());
        Assert.True(_proxy.ConnectionsCut >= 2);
    }

    private Task<ModbusTcpMaster> ConnectAsync(TimeSpan? timeout = null) =>
        ModbusTcpMaster.ConnectAsync("127.0.0.1", _endpoint.Port, new ModbusTcpMasterOptions { Timeout = timeout ?? TimeSpan.FromSeconds(1), TimeProvider = _wall });

    /// <summary>Completes with the unit id of the next fault of this kind the proxy applies.</summary>
    private Task<byte> Next(string kind)
    {
        var next = new TaskCompletionSource<byte>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(string k, byte unit)
        {
            if (k == kind && next.TrySetResult(unit))
            {
                _proxy.FaultApplied -= Handler;
            }
        }

        _proxy.FaultApplied += Handler;
        return next.Task;
    }
}
