using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cycler;

/// <summary>Device-side steps and the cell physics, observed through the registers like a master would.</summary>
public sealed class SimulatedChannelTests
{
    private const double R0 = 0.45e-3;
    private const double R1 = 0.68e-3;
    private const double Tau = 30;
    private const double Q = 100;
    private static readonly CellTruth Truth = new(0, Q, R0, R1, Tau);

    [Fact]
    public void Cc_charge_step_ah_is_current_times_time()
    {
        var bench = new Bench(Bench.Cell(soc: 0.4));
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 37.5, cutoffVoltageV: 4.1);
        for (int i = 0; i < 40; i++)
        {
            bench.Advance(7.3);
            var s = bench.Master.Read(0);
            Assert.Equal(ChannelDeviceState.Running, s.State);
            Assert.Equal(37.5, s.CurrentA, 4);

            // Both registers are quantised: step time to 10 ms, Ah to 10 µAh.
            Assert.Equal(37.5 * s.StepTimeS / 3600, s.StepAh, 37.5 * 0.005 / 3600 + 0.5e-5);
        }

        Assert.Equal(37.5 * 292 / 3600, bench.Unit.ReadChannelState(0).StepAh, 1e-12);
    }

    [Fact]
    public void Step_energy_is_the_integral_of_voltage_times_current()
    {
        var bench = new Bench(Bench.Cell(soc: 0.35));
        bench.Master.StartStep(0, ChannelMode.DischargeCc, 60, cutoffTimeS: 900);
        var first = bench.Master.Read(0);
        double previousV = first.VoltageV, previousT = 0, energy = 0;
        ChannelReading s;
        do
        {
            bench.Advance(1);
            s = bench.Master.Read(0);
            double v = s.State == ChannelDeviceState.Running ? s.VoltageV : bench.Unit.ReadChannelState(0).EndVoltageV;
            energy += -60 * (v + previousV) / 2 * (s.StepTimeS - previousT) / 3600;
            previousV = v;
            previousT = s.StepTimeS;
        }
        while (s.State == ChannelDeviceState.Running);

        Assert.Equal(DeviceEndReason.Time, s.EndReason);
        Assert.Equal(energy, s.StepWh, Math.Abs(energy) * 2e-5);
        Assert.True(s.StepWh < 0);
    }

    [Fact]
    public void Rc_voltage_relaxes_exponentially_during_rest()
    {
        var bench = new Bench(Bench.Cell(soc: 0.42));
        var started = bench.Clock.GetUtcNow();
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 100, cutoffTimeS: 300);
        bench.Advance(300);
        var end = bench.Master.Read(0);
        Assert.Equal(DeviceEndReason.Time, end.EndReason);
        Assert.Equal(0, end.CurrentA);

        // Independently: SOC after 300 s at 100 A (η 0.999), and the RC voltage built up by then.
        double ocv = OcvTable.NmcGraphite.VoltageAt(0.42 + (0.999 * 100 * 300 / (3600 * Q)));
        double v1End = 100 * R1 * (1 - Math.Exp(-300 / Tau));
        Assert.Equal(ocv + v1End, end.VoltageV, 0.00015);
        foreach (double t in new[] { 10.0, 20, 30, 45, 60, 90, 150 })
        {
            bench.Clock.Advance(started + TimeSpan.FromSeconds(300 + t) - bench.Clock.GetUtcNow());
            var s = bench.Master.Read(0);
            Assert.Equal(ocv + (v1End * Math.Exp(-t / Tau)), s.VoltageV, 0.00015);
            Assert.Equal(300, s.StepTimeS, 6);
        }
    }

    [Fact]
    public void Cccv_charge_tapers_like_a_reference_integration_and_ends_on_the_cutoff_current()
    {
        var bench = new Bench(Bench.Cell(soc: 0.55));
        var reference = new ReferenceCell(Truth, OcvTable.NmcGraphite, 0.55, 0, 0.999);
        bench.Master.StartStep(0, ChannelMode.ChargeCccv, 50, voltageV: 3.9, cutoffCurrentA: 5);

        const double dt = 0.005;
        double previousCurrent = double.PositiveInfinity;
        bool holding = false;
        ChannelReading s;
        do
        {
            bench.Advance(10);
            s = bench.Master.Read(0);
            while (reference.TimeS < s.StepTimeS - 1e-9 && s.State == ChannelDeviceState.Running)
            {
                holding |= reference.Voltage(50) >= 3.9;
                if (holding)
                {
                    reference.StepVoltage(3.9, 0, 50, dt);
                }
                else
                {
                    reference.StepCurrent(50, dt);
                }
            }

            if (s.State != ChannelDeviceState.Running)
            {
                break;
            }

            double expected = holding ? reference.HoldCurrent(3.9, 0, 50) : 50;
            Assert.Equal(expected, s.CurrentA, 0.02);
            if (s.CurrentA < 49.9)
            {
                Assert.Equal(3.9, s.VoltageV, 0.0001);
                Assert.True(s.CurrentA < previousCurrent, $"current {s.CurrentA} A after {previousCurrent} A");
                previousCurrent = s.CurrentA;
            }
        }
        while (true);

        Assert.True(previousCurrent < 10, "the step never reached its constant-voltage phase");
        Assert.Equal(DeviceEndReason.Current, s.EndReason);
        var exact = bench.Unit.ReadChannelState(0);
        Assert.Equal(Float(3.9), exact.EndVoltageV, 1e-9);

        // Where the reference tapers through 5 A.
        while (reference.HoldCurrent(3.9, 0, 50) > 5)
        {
            reference.StepVoltage(3.9, 0, 50, dt);
        }

        Assert.Equal(reference.TimeS, exact.StepTimeS, 0.05);
        Assert.Equal(reference.ChargeAs / 3600, exact.StepAh, 0.002);
    }

    [Theory]
    [InlineData(0.50, 50, 3.60)]   // on the table
    [InlineData(0.02, 20, 3.00)]   // beyond its lower end, on the steep continuation
    [InlineData(0.30, 300, 3.40)]  // 3C: a deep ohmic drop
    public void Cc_discharge_ends_exactly_at_the_cutoff_voltage(double soc, double current, double requested)
    {
        var bench = new Bench(Bench.Cell(soc));
        bench.Master.StartStep(0, ChannelMode.DischargeCc, current, cutoffVoltageV: requested);

        // The cut-off register is a float: the device ends at the float nearest the requested voltage.
        double cutoff = Float(requested);
        double crossing = AnalyticDischargeCrossing(soc, current, cutoff);

        bench.Clock.Advance(TimeSpan.FromSeconds(crossing - 0.001));
        var before = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Running, before.State);
        // 1 ms before the crossing the register (0.1 mV resolution) shows the cut-off voltage.
        Assert.InRange(before.VoltageV, cutoff - 0.00005, cutoff + 0.0001);

        bench.Clock.Advance(TimeSpan.FromSeconds(0.002));
        var after = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.StepComplete, after.State);
        Assert.Equal(DeviceEndReason.Voltage, after.EndReason);
        Assert.Equal(crossing, after.StepTimeS, 0.0051);
        Assert.Equal(-current * crossing / 3600, after.StepAh, 1e-5);

        var exact = bench.Unit.ReadChannelState(0);
        Assert.InRange(exact.EndVoltageV, cutoff - 0.0001, cutoff);
        Assert.Equal(crossing, exact.StepTimeS, 0.001);
    }

    [Fact]
    public void Time_and_capacity_cutoffs_end_the_step_exactly()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3));
        bench.Master.StartStep(0, ChannelMode.Rest, cutoffTimeS: 100.5);
        bench.Advance(600);
        var rest = bench.Master.Read(0);
        Assert.Equal(DeviceEndReason.Time, rest.EndReason);
        Assert.Equal(100.5, rest.StepTimeS, 9);

        bench.Master.StartStep(0, ChannelMode.ChargeCc, 30, cutoffVoltageV: 4.2, cutoffAh: 2.5);
        bench.Advance(600);
        var charge = bench.Master.Read(0);
        Assert.Equal(DeviceEndReason.Capacity, charge.EndReason);
        Assert.Equal(300, charge.StepTimeS, 9);
        Assert.Equal(2.5, charge.StepAh, 9);
        Assert.Equal(300, bench.Unit.ReadChannelState(0).StepTimeS, 1e-6);
    }

    [Fact]
    public void A_capacity_cutoff_also_ends_a_constant_voltage_phase()
    {
        var bench = new Bench(Bench.Cell(soc: 0.5));
        bench.Master.StartStep(0, ChannelMode.Cv, 100, voltageV: 3.75, cutoffAh: 1.2345);
        var polls = bench.RunToEnd(0, pollS: 3);
        Assert.Equal(DeviceEndReason.Capacity, polls[^1].EndReason);
        Assert.Equal(Float(1.2345), bench.Unit.ReadChannelState(0).StepAh, 1e-9);
        Assert.Contains(polls, p => p.CurrentA is > 0 and < 99);
    }

    [Fact]
    public void Results_do_not_depend_on_how_often_the_master_polls()
    {
        ChannelSnapshot Run(double pollS)
        {
            var bench = new Bench(Bench.Cell(soc: 0.1, seiBudget: 0.12));
            bench.Master.StartStep(0, ChannelMode.ChargeCccv, 20, voltageV: 4.2, cutoffCurrentA: 2);
            bench.RunToEnd(0, pollS);
            return bench.Unit.ReadChannelState(0);
        }

        var often = Run(1);
        var rarely = Run(900);
        Assert.Equal(often.StepTimeS, rarely.StepTimeS, 1e-6);
        Assert.Equal(often.StepAh, rarely.StepAh, 1e-9);
        Assert.Equal(often.StepWh, rarely.StepWh, 1e-8);
        Assert.Equal(often.EndVoltageV, rarely.EndVoltageV, 1e-9);
    }

    [Fact]
    public void The_first_charge_loses_a_fraction_into_the_sei_until_the_budget_is_spent()
    {
        var bench = new Bench(Bench.Cell(soc: 0.0, seiBudget: 0.12));
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 10, cutoffVoltageV: 4.3, cutoffAh: 90);
        bench.RunToEnd(0, pollS: 600);
        var s1 = bench.Unit.ReadChannelState(0);
        Assert.Equal(0.88 * 90 / Q, s1.StateOfCharge, 1e-12);
        Assert.Equal(12 - (0.12 * 90), s1.SeiBudgetRemainingAh, 1e-9);

        // 1.2 Ah of budget left: the next 10 Ah still go in at 0.88, the 5 Ah after that at 0.999.
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 10, cutoffVoltageV: 4.3, cutoffAh: 15);
        bench.RunToEnd(0, pollS: 600);
        var s2 = bench.Unit.ReadChannelState(0);
        Assert.Equal(0.88 + (0.999 * 5 / Q), s2.StateOfCharge, 1e-9);
        Assert.Equal(0, s2.SeiBudgetRemainingAh);
    }

    [Fact]
    public void Cccv_discharge_holds_its_setpoint_with_a_negative_current()
    {
        var bench = new Bench(Bench.Cell(soc: 0.6));
        bench.Master.StartStep(0, ChannelMode.DischargeCccv, 50, voltageV: 3.6, cutoffCurrentA: 3);
        var polls = bench.RunToEnd(0, pollS: 10);
        Assert.Equal(DeviceEndReason.Current, polls[^1].EndReason);
        Assert.Contains(polls, p => p.CurrentA == -50);
        var held = polls.Where(p => p.State == ChannelDeviceState.Running && p.CurrentA > -49.9).ToList();
        Assert.NotEmpty(held);
        Assert.All(held, p => Assert.Equal(3.6, p.VoltageV, 0.0001));
        Assert.All(held, p => Assert.InRange(p.CurrentA, -50, -3));
        Assert.Equal(Float(3.6), bench.Unit.ReadChannelState(0).EndVoltageV, 1e-9);
    }

    [Theory]
    [InlineData(0.5, 3.72, 1)]    // above the cell: charges
    [InlineData(0.5, 3.67, -1)]   // below the cell: discharges
    public void Cv_holds_the_setpoint_in_either_direction_within_the_current_limit(double soc, double setpoint, int sign)
    {
        var bench = new Bench(Bench.Cell(soc));
        bench.Master.StartStep(0, ChannelMode.Cv, 20, voltageV: setpoint, cutoffCurrentA: 1);
        var polls = bench.RunToEnd(0, pollS: 5);
        Assert.Equal(DeviceEndReason.Current, polls[^1].EndReason);
        var running = polls.Where(p => p.State == ChannelDeviceState.Running).ToList();
        Assert.All(running, p => Assert.Equal(sign, Math.Sign(p.CurrentA)));
        Assert.All(running, p => Assert.InRange(Math.Abs(p.CurrentA), 1, 20));

        // Starting far from the setpoint, the current limit applies first.
        Assert.Equal(20, Math.Abs(running[0].CurrentA), 4);
        Assert.Equal(setpoint, running[^1].VoltageV, 0.0001);
    }

    [Fact]
    public void A_step_whose_cutoff_is_already_met_ends_at_once()
    {
        var bench = new Bench(Bench.Cell(soc: 0.5));
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 10, cutoffVoltageV: 3.5);
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.StepComplete, s.State);
        Assert.Equal(DeviceEndReason.Voltage, s.EndReason);
        Assert.Equal(1, s.StepSequence);
        Assert.Equal(0, s.StepTimeS);
        Assert.Equal(0, s.StepAh);
        Assert.Equal(0, s.CurrentA);

        // Already above the CCCV setpoint: nothing to charge, the current is at its cut-off at once.
        bench.Master.StartStep(0, ChannelMode.ChargeCccv, 10, voltageV: 3.6, cutoffCurrentA: 1);
        s = bench.Master.Read(0);
        Assert.Equal(DeviceEndReason.Current, s.EndReason);
        Assert.Equal(0, s.StepTimeS);

        // Time passing changes nothing but the relaxation.
        bench.Advance(10);
        Assert.Equal(0, bench.Master.Read(0).StepTimeS);
    }

    [Fact]
    public void After_a_step_the_counters_freeze_and_the_voltage_keeps_relaxing()
    {
        var bench = new Bench(Bench.Cell(soc: 0.5));
        bench.Master.StartStep(0, ChannelMode.DischargeCc, 80, cutoffTimeS: 120);
        bench.Advance(125);
        var a = bench.Master.Read(0);
        bench.Advance(60);
        var b = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.StepComplete, b.State);
        Assert.Equal(ChannelMode.DischargeCc, b.ActiveMode);
        Assert.Equal((a.StepTimeS, a.StepAh, a.StepWh), (b.StepTimeS, b.StepAh, b.StepWh));
        Assert.Equal(120, b.StepTimeS);
        Assert.Equal(0, b.CurrentA);
        Assert.True(b.VoltageV > a.VoltageV + 0.005, $"no relaxation: {a.VoltageV} V then {b.VoltageV} V");
    }

    [Theory]
    [InlineData(0.995, ChannelMode.ChargeCc, DeviceFaultCode.OverVoltage, 4.35)]
    [InlineData(0.005, ChannelMode.DischargeCc, DeviceFaultCode.UnderVoltage, 1.5)]
    public void Leaving_the_hardware_voltage_window_latches_a_fault(double soc, ChannelMode mode, DeviceFaultCode fault, double limit)
    {
        var bench = new Bench(Bench.Cell(soc));
        bench.Master.StartStep(0, mode, 100);
        var polls = bench.RunToEnd(0, pollS: 5);
        var s = polls[^1];
        Assert.Equal(ChannelDeviceState.Faulted, s.State);
        Assert.Equal(DeviceEndReason.Protection, s.EndReason);
        Assert.Equal(fault, s.FaultCode);
        Assert.Equal(0, s.CurrentA);
        Assert.Equal(limit, bench.Unit.ReadChannelState(0).EndVoltageV, 1e-6);
    }

    [Fact]
    public void Temperature_reads_the_ambient_and_contact_a_present_cell()
    {
        var bench = new Bench(Bench.Cell(0.5));
        var s = bench.Master.Read(0);
        Assert.Equal(25.0, s.TemperatureC, 9);
        Assert.Equal(1, s.Contact);
    }

    /// <summary>A value as it arrives through an f32 register.</summary>
    private static double Float(double value) => (float)value;

    /// <summary>Where OCV(SOC(t)) − I·R0 − I·R1·(1 − e^(−t/τ)) = cut-off, by bisection on the closed-form voltage.</summary>
    private static double AnalyticDischargeCrossing(double soc, double current, double cutoff)
    {
        double V(double t) => OcvTable.NmcGraphite.VoltageAt(soc - (current * t / (3600 * Q))) - (current * R0) - (current * R1 * (1 - Math.Exp(-t / Tau)));
        double lo = 0, hi = 3600 * Q / current * (soc + 0.05);
        Assert.True(V(lo) > cutoff && V(hi) < cutoff);
        while (hi - lo > 1e-9)
        {
            double mid = (lo + hi) / 2;
            if (V(mid) > cutoff)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }
}
