using FormationControl.Modbus.Protocol;
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
}
