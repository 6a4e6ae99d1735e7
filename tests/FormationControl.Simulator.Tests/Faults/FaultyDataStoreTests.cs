using System.IO.Ports;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Faults;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Faults;

public sealed class FaultyDataStoreTests
{
    [Fact]
    public void A_dropped_unit_or_a_link_that_is_down_is_not_served()
    {
        var sim = new SimulatedUnits();
        var plan = new FaultPlan(sim.Clock, sim.Units);
        var store = new FaultyDataStore(sim.Rack, plan);
        Assert.True(store.ServesUnit(1) && store.ServesUnit(2));
        Assert.False(store.ServesUnit(3));

        plan.Add(new DropResponses(1, 2, new FaultWindow(TimeSpan.Zero, TimeSpan.FromSeconds(10))));
        Assert.True(store.ServesUnit(1));
        Assert.False(store.ServesUnit(2));
        sim.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(store.ServesUnit(2));

        plan.Add(new LinkDown(new FaultWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1))));
        Assert.False(store.ServesUnit(1));
        Assert.Equal(2, store.Dropped);

        // What is served is the unit's own answer.
        var registers = new ushort[1];
        Assert.Null(store.ReadRegisters(1, ModbusTable.InputRegisters, 0, registers));
        Assert.Equal(0x4643, registers[0]);
    }

    [Fact]
    public async Task On_a_shared_rtu_line_a_dropped_unit_goes_silent_while_the_other_answers()
    {
        var sim = new SimulatedUnits();
        var plan = new FaultPlan(sim.Clock, sim.Units);
        plan.Add(new DropResponses(1, 2, new FaultWindow(TimeSpan.Zero, TimeSpan.FromMinutes(1))));
        await using var line = await SocatPair.StartAsync();
        var settings = new SerialLineSettings(115200, Parity.None);
        var store = new FaultyDataStore(sim.Rack, plan);
        await using var slave = new ModbusRtuSlave(store);
        slave.Start(line.PortA, settings);

        // Answers get a generous timeout (a loaded machine may be slow to hand them over); silence is shown by the
        // store refusing the request and the master hearing nothing for a second.
        await using var master = ModbusRtuMaster.Open(line.PortB, settings, new ModbusRtuMasterOptions { Timeout = TimeSpan.FromSeconds(10) });
        Assert.Equal([0x4643], await master.ReadInputRegistersAsync(1, 0, 1).Within());
        Assert.Equal(0, store.Dropped);
        using (var second = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => master.ReadInputRegistersAsync(2, 0, 1, second.Token).Within());
        }

        // The slave takes frames in order: once unit 1 answers again, the request to unit 2 was seen and dropped.
        Assert.Equal([0x4643], await master.ReadInputRegistersAsync(1, 0, 1).Within());
        Assert.Equal(1, store.Dropped);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([0x4643], await master.ReadInputRegistersAsync(2, 0, 1).Within());
    }
}
