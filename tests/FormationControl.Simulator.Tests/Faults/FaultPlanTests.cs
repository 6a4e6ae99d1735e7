using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Faults;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Faults;

public sealed class FaultPlanTests
{
    [Fact]
    public void Link_faults_are_active_in_their_window_of_simulation_time()
    {
        var sim = new SimulatedUnits();
        var plan = new FaultPlan(sim.Clock, sim.Units);
        plan.Add(new LinkDown(new FaultWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5))));
        plan.Add(new DelayResponses(TimeSpan.FromMilliseconds(300), 2, new FaultWindow(TimeSpan.Zero)));
        Assert.False(plan.IsLinkDown());
        sim.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(plan.IsLinkDown());
        sim.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(plan.IsLinkDown());
        Assert.Equal(TimeSpan.FromMilliseconds(300), plan.DelayFor(2));
        Assert.Equal(TimeSpan.Zero, plan.DelayFor(1));
        Assert.True(plan.HasLinkFaults);
    }

    [Fact]
    public void Drops_happen_at_their_probability_from_a_seeded_generator()
    {
        var sim = new SimulatedUnits();
        var plan = new FaultPlan(sim.Clock, sim.Units, seed: 3);
        plan.Add(new DropResponses(0.25, null, FaultWindow.Always));
        int dropped = Enumerable.Range(0, 4000).Count(_ => plan.ShouldDrop(1));
        Assert.InRange(dropped, 1000 - 110, 1000 + 110);

        var again = new FaultPlan(sim.Clock, sim.Units, seed: 3);
        again.Add(new DropResponses(0.25, null, FaultWindow.Always));
        Assert.Equal(dropped, Enumerable.Range(0, 4000).Count(_ => again.ShouldDrop(1)));
    }

    [Fact]
    public void Cell_faults_go_to_their_unit_and_happen_at_their_simulation_time()
    {
        var sim = new SimulatedUnits();
        sim.Clock.Advance(TimeSpan.FromSeconds(7));
        var plan = new FaultPlan(sim.Clock, sim.Units);
        plan.Add(new TripProtection(2, 1, DeviceFaultCode.OverCurrent, TimeSpan.FromSeconds(30)));
        plan.Add(new HeatCell(1, 3, 100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(100)));
        sim.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(ChannelDeviceState.Idle, sim.Units[1].ReadChannelState(1).State);
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        var tripped = sim.Units[1].ReadChannelState(1);
        Assert.Equal(ChannelDeviceState.Faulted, tripped.State);
        Assert.Equal(DeviceFaultCode.OverCurrent, tripped.FaultCode);

        // 100 W from t = 10 s: after 20 s, T = 25 + (100 W / hA)·(1 − e^(−0.2)), hA = 0.1 W/K per Ah (τ = 100 s).
        double ha = 0.1 * sim.Units[0].TruthOf(3).CapacityAh;
        Assert.Equal(25 + (100 / ha * (1 - Math.Exp(-0.2))), sim.Units[0].ReadChannelState(3).TemperatureC, 9);
    }

    [Fact]
    public void A_fault_for_a_unit_or_value_that_does_not_exist_is_refused()
    {
        var sim = new SimulatedUnits();
        var plan = new FaultPlan(sim.Clock, sim.Units);
        var e = Assert.Throws<ArgumentException>(() => plan.Add(new TripProtection(9, 0, DeviceFaultCode.OverVoltage, TimeSpan.Zero)));
        Assert.Contains("unit 9", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.Add(new HeatCell(1, 99, 5, TimeSpan.Zero, TimeSpan.FromSeconds(1))));
        Assert.Throws<ArgumentException>(() => plan.Add(new DropResponses(1.5, null, FaultWindow.Always)));
        Assert.Empty(plan.Faults);
    }
}
