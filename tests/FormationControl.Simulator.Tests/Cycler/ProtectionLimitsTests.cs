using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cycler;

/// <summary>The hardware protections (over-current, over-temperature, contact) and injected trips, seen through the registers.</summary>
public sealed class ProtectionLimitsTests
{
    [Fact]
    public void A_current_setpoint_above_the_over_current_limit_trips_at_once()
    {
        var bench = new Bench(Bench.Cell(0.5));
        bench.Master.StartStep(0, ChannelMode.DischargeCc, 330, cutoffVoltageV: 3.0);
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Faulted, s.State);
        Assert.Equal(DeviceFaultCode.OverCurrent, s.FaultCode);
        Assert.Equal(DeviceEndReason.Protection, s.EndReason);
        Assert.Equal(0, s.StepTimeS);
    }

    [Fact]
    public void A_load_that_draws_more_than_the_limit_trips_over_current()
    {
        var bench = new Bench(Bench.Cell(0.5));
        bench.Master.StartStep(0, ChannelMode.DischargeCr, resistanceOhm: 0.005);
        var s = bench.Master.Read(0);
        Assert.Equal(DeviceFaultCode.OverCurrent, s.FaultCode);
    }

    [Fact]
    public void A_power_discharge_trips_over_current_where_the_falling_voltage_needs_more_than_the_limit()
    {
        // 800 W at most 250 A: the current P/V passes the limit once V falls below 800/250 = 3.2 V.
        var options = SimulatedUnitOptions.Default with { OverCurrentLimitA = 250 };
        var bench = new Bench(options, Bench.Cell(0.4));
        bench.Master.StartStep(0, ChannelMode.DischargeCp, powerW: 800, cutoffVoltageV: 2.5);
        var polls = bench.RunToEnd(0, pollS: 10);
        Assert.True(polls.Count > 10, "the step ran a while first");
        Assert.Equal(DeviceFaultCode.OverCurrent, polls[^1].FaultCode);
        var exact = bench.Unit.ReadChannelState(0);
        Assert.Equal(800.0 / 250, exact.EndVoltageV, 0.002);
    }

    [Fact]
    public void External_heat_trips_the_over_temperature_protection_at_the_exact_crossing()
    {
        // 200 W into a resting cell (C = 1000 J/K, hA = 10 W/K): T = 25 + 20·(1 − e^(−t/100)) reaches 40 °C at t = 100·ln 4.
        var options = SimulatedUnitOptions.Default with { OverTemperatureLimitC = 40 };
        var bench = new Bench(options, Bench.Cell(0.5));
        bench.Master.StartStep(0, ChannelMode.Rest, cutoffTimeS: 7200);
        bench.Advance(60);
        bench.Unit.InjectHeat(0, 200, TimeSpan.FromHours(1));
        bench.Advance(100);
        var running = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Running, running.State);
        Assert.Equal(25 + (20 * (1 - Math.Exp(-1))), running.TemperatureC, 0.05);

        bench.Advance(100);
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Faulted, s.State);
        Assert.Equal(DeviceFaultCode.OverTemperature, s.FaultCode);
        Assert.Equal(60 + (100 * Math.Log(4)), s.StepTimeS, 0.006);
        Assert.Equal(40, bench.Master.ReadChannelField(0, "endTemperature"), 0.05);
    }

    [Fact]
    public void Heat_stops_when_its_time_is_up_and_the_cell_cools_to_the_ambient()
    {
        var bench = new Bench(Bench.Cell(0.5));
        bench.Unit.InjectHeat(0, 50, TimeSpan.FromSeconds(100), startAt: TimeSpan.FromSeconds(30));
        bench.Advance(130);
        double peak = 25 + (5 * (1 - Math.Exp(-1)));
        Assert.Equal(peak, bench.Unit.ReadChannelState(0).TemperatureC, 9);
        bench.Advance(200);
        Assert.Equal(25 + ((peak - 25) * Math.Exp(-2)), bench.Unit.ReadChannelState(0).TemperatureC, 9);
        Assert.Equal(0, bench.Unit.ReadChannelState(0).ExternalHeatW);
    }

    [Fact]
    public void A_hot_cell_cannot_start_a_step()
    {
        var options = SimulatedUnitOptions.Default with { OverTemperatureLimitC = 30 };
        var cell = new SimulatedCell(new CellTruth(0, 100, 0.45e-3, 0.68e-3, 30), OcvTable.NmcGraphite, CellOptions.ConstantResistance with { InitialStateOfCharge = 0.5, AmbientTemperatureC = 35 });
        var bench = new Bench(options, cell);
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 10, cutoffVoltageV: 4.1);
        var s = bench.Master.Read(0);
        Assert.Equal(DeviceFaultCode.OverTemperature, s.FaultCode);
        Assert.Equal(0, s.StepTimeS);
    }

    [Fact]
    public void A_dead_cell_fails_the_contact_check_reads_zero_volts_and_faults_any_current_step()
    {
        var bench = new Bench(Bench.FullCell(0.5, defect: CellDefect.Dead));
        var idle = bench.Master.Read(0);
        Assert.Equal(0, idle.Contact);
        Assert.Equal(0, idle.VoltageV);

        bench.Master.StartStep(0, ChannelMode.Rest, cutoffTimeS: 60);
        bench.Advance(61);
        Assert.Equal(DeviceEndReason.Time, bench.Master.Read(0).EndReason);

        bench.Master.StartStep(0, ChannelMode.ChargeCc, 10, cutoffVoltageV: 4.1);
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Faulted, s.State);
        Assert.Equal(DeviceFaultCode.ContactFault, s.FaultCode);
        Assert.Equal(0, s.StepAh);
    }

    [Fact]
    public void A_poor_contact_fails_the_contact_check_but_conducts_through_its_extra_resistance()
    {
        var bench = new Bench(Bench.FullCell(0.5, defect: CellDefect.PoorContact, contactOhm: 3e-3));
        var before = bench.Master.Read(0);
        Assert.Equal(0, before.Contact);
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 20, cutoffTimeS: 10);
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Running, s.State);
        Assert.Equal(20 * (0.45e-3 + 3e-3), s.VoltageV - before.VoltageV, 0.0002);

        // A good contact passes.
        Assert.Equal(1, new Bench(Bench.FullCell(0.5)).Master.Read(0).Contact);
    }

    [Fact]
    public void An_injected_trip_latches_its_fault_at_the_time_it_was_set_for()
    {
        var bench = new Bench(Bench.Cell(0.5));
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 20, cutoffVoltageV: 4.1);
        bench.Unit.TripProtection(0, DeviceFaultCode.OverVoltage, at: TimeSpan.FromSeconds(123.45));
        bench.Advance(100);
        Assert.Equal(ChannelDeviceState.Running, bench.Master.Read(0).State);
        bench.Advance(100);
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Faulted, s.State);
        Assert.Equal(DeviceFaultCode.OverVoltage, s.FaultCode);
        Assert.Equal(123.45, s.StepTimeS, 6);

        // An idle channel latches too, at once; and ClearFault brings it back.
        Assert.Null(bench.Master.Command(0, ChannelCommand.ClearFault));
        bench.Unit.TripProtection(0, DeviceFaultCode.UnderVoltage);
        Assert.Equal(DeviceFaultCode.UnderVoltage, bench.Master.Read(0).FaultCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Unit.TripProtection(0, DeviceFaultCode.None));
    }
}
