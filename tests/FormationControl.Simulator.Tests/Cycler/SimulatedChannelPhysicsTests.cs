using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cycler;

/// <summary>The full cell model (two RC pairs, leak, temperature and SOC dependence, heat) checked against closed forms, through the registers.</summary>
public sealed class SimulatedChannelPhysicsTests
{
    private static readonly CellTruth TwoPairs = new(0, 100, 0.45e-3, 0.68e-3, 30, 0.30e-3, 400);

    private static SimulatedCell Cell(CellTruth truth, double soc, CellOptions? options = null) =>
        new(truth, OcvTable.NmcGraphite, (options ?? CellOptions.ConstantResistance) with { InitialStateOfCharge = soc, SeiBudgetFraction = 0 });

    [Fact]
    public void Cv_taper_decays_with_the_slow_time_constant_of_the_held_cell()
    {
        // One RC pair, constant resistances: the held current is c1·e^(λ1 t) + c2·e^(λ2 t), with λ the roots of
        // λ² + (A + K + 1/τ)·λ + A/τ = 0, A = slope·η/(3600·Q·R0), K = R1/(R0·τ). On the 0.4–0.5 piece the slope is 0.42 V.
        var truth = new CellTruth(0, 100, 0.45e-3, 0.68e-3, 30);
        var bench = new Bench(Cell(truth, 0.45));
        double hold = OcvTable.NmcGraphite.VoltageAt(0.45) + 0.02;
        bench.Master.StartStep(0, ChannelMode.Cv, 200, voltageV: hold);
        double a = 0.42 * 0.999 / (3600 * 100 * 0.45e-3), k = 0.68e-3 / (0.45e-3 * 30), inv = 1.0 / 30;
        double b = a + k + inv;
        double slow = (-b + Math.Sqrt((b * b) - (4 * a * inv))) / 2;

        bench.Advance(300);
        double i300 = bench.Master.Read(0).CurrentA;
        bench.Advance(600);
        double i900 = bench.Master.Read(0).CurrentA;
        Assert.True(bench.Unit.ReadChannelState(0).HoldingVoltage);
        Assert.Equal(slow, Math.Log(i900 / i300) / 600, 1e-7);
        Assert.InRange(1 / -slow, 500, 2000);
    }

    [Fact]
    public void Cccv_with_two_rc_pairs_and_a_leak_follows_a_reference_integration()
    {
        var truth = TwoPairs with { SelfDischargeA = 0.05 };
        var bench = new Bench(Cell(truth, 0.55));
        var cellOptions = CellOptions.ConstantResistance;
        var reference = new ReferenceCell(truth, OcvTable.NmcGraphite, 0.55, 0, cellOptions.ChargeEfficiency);
        bench.Master.StartStep(0, ChannelMode.ChargeCccv, 50, voltageV: 3.9, cutoffCurrentA: 5);
        const double dt = 0.005;
        bool holding = false;
        ChannelReading s;
        do
        {
            bench.Advance(20);
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

            if (s.State == ChannelDeviceState.Running)
            {
                Assert.Equal(holding ? reference.HoldCurrent(3.9, 0, 50) : 50, s.CurrentA, 0.02);
            }
        }
        while (s.State == ChannelDeviceState.Running);

        Assert.Equal(DeviceEndReason.Current, s.EndReason);
        Assert.Equal(reference.ChargeAs / 3600, s.StepAh, 0.002);
    }

    [Fact]
    public void Two_rc_pairs_relax_during_rest_each_with_its_own_time_constant()
    {
        var bench = new Bench(Cell(TwoPairs, 0.42));
        var started = bench.Clock.GetUtcNow();
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 100, cutoffTimeS: 300);
        bench.Advance(300);
        var end = bench.Master.Read(0);
        Assert.Equal(DeviceEndReason.Time, end.EndReason);

        double ocv = OcvTable.NmcGraphite.VoltageAt(0.42 + (0.999 * 100 * 300 / 360_000));
        double v1 = 100 * TwoPairs.R1Ohm * (1 - Math.Exp(-300 / 30.0));
        double v2 = 100 * TwoPairs.R2Ohm * (1 - Math.Exp(-300 / 400.0));
        foreach (double t in new[] { 0.0, 10, 30, 100, 300, 1000, 3000 })
        {
            bench.Clock.Advance(started + TimeSpan.FromSeconds(300 + t) - bench.Clock.GetUtcNow());
            var s = bench.Master.Read(0);
            Assert.Equal(ocv + (v1 * Math.Exp(-t / 30)) + (v2 * Math.Exp(-t / 400)), s.VoltageV, 0.00015);
        }
    }

    [Fact]
    public void Energy_balances_between_terminals_ocv_heat_and_rc_pairs_with_the_full_model()
    {
        // Terminal power V·I = OCV·I + I²R0 + Σ Vk·I, and Vk·I = d(½·Ck·Vk²)/dt + Vk²/Rk: what enters the terminals is
        // stored chemically, dissipated as heat, or held in the RC capacitances. Arrhenius and SOC factors are on.
        var cell = Cell(TwoPairs with { SelfDischargeA = 0.01 }, 0.1, CellOptions.Default);
        var bench = new Bench(cell);
        bench.Master.StartStep(0, ChannelMode.ChargeCccv, 120, voltageV: 3.75, cutoffTimeS: 3000);
        var previous = bench.Unit.ReadChannelState(0);
        double chemical = 0, cooling = 0;
        var first = previous;
        for (int i = 0; i < 3000; i++)
        {
            bench.Advance(1);
            var now = bench.Unit.ReadChannelState(0);
            chemical += (now.OpenCircuitVoltageV + previous.OpenCircuitVoltageV) / 2 * (now.CurrentA + previous.CurrentA) / 2;
            cooling += cell.HeatTransferWPerK * (((now.TemperatureC + previous.TemperatureC) / 2) - 25);
            previous = now;
        }

        Assert.Equal(DeviceEndReason.Time, previous.EndReason);
        double c1 = TwoPairs.C1F, c2 = TwoPairs.C2F;
        double stored = (0.5 * c1 * ((previous.V1V * previous.V1V) - (first.V1V * first.V1V))) + (0.5 * c2 * ((previous.V2V * previous.V2V) - (first.V2V * first.V2V)));
        double heat = previous.JouleHeatJ - first.JouleHeatJ;
        double terminal = previous.StepWh * 3600;
        Assert.Equal(terminal, chemical + heat + stored, terminal * 2e-4);
        Assert.True(heat > 0.005 * terminal, $"heat {heat} J of {terminal} J");

        // And the heat went into the thermal mass or out to the ambient.
        Assert.Equal(heat, (cell.HeatCapacityJPerK * (previous.TemperatureC - first.TemperatureC)) + cooling, heat * 2e-3);
    }

    [Fact]
    public void Temperature_rises_by_the_i2r_heat_with_the_thermal_time_constant()
    {
        // R0 only and constant resistance: T = Ta + (I²R0/hA)(1 − e^(−t·hA/C)), C = 1000 J/K, hA = 10 W/K.
        var bench = new Bench(Cell(new CellTruth(0, 100, 0.45e-3, 0, 0), 0.05));
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 300, cutoffTimeS: 2000);
        double rise = 300 * 300 * 0.45e-3 / 10;
        foreach (double t in new[] { 50.0, 100, 300, 1000 })
        {
            bench.Advance(t - bench.Unit.ReadChannelState(0).StepTimeS);
            double expected = 25 + (rise * (1 - Math.Exp(-t / 100)));
            Assert.Equal(expected, bench.Unit.ReadChannelState(0).TemperatureC, 9);
            Assert.Equal(expected, bench.Master.Read(0).TemperatureC, 0.05);
        }
    }

    [Fact]
    public void With_arrhenius_the_cell_settles_where_its_own_heat_balances_its_cooling()
    {
        // Hotter means less resistive: the equilibrium solves T = Ta + I²·R0(T)/hA, not Ta + I²·R0(Ta)/hA.
        var truth = new CellTruth(0, 100, 0.45e-3, 0, 0);
        var bench = new Bench(Cell(truth, 0.21, CellOptions.Default));
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 250, cutoffTimeS: 700);
        bench.Advance(700);
        double equilibrium = 25;
        for (int i = 0; i < 50; i++)
        {
            double r0 = 0.45e-3 * Math.Exp(20_000 / 8.314462618 * ((1 / (equilibrium + 273.15)) - (1 / 298.15)));
            equilibrium = 25 + (250 * 250 * r0 / 10);
        }

        var end = bench.Unit.ReadChannelState(0);
        Assert.Equal(equilibrium, end.TemperatureC, 0.01);
        Assert.True(end.TemperatureC < 25 + (250 * 250 * 0.45e-3 / 10) - 0.05);
    }

    [Theory]
    [InlineData(0.0, 0.5, 2.0925)]   // Arrhenius, Ea = 20 kJ/mol: exp[(Ea/R)(1/273.15 − 1/298.15)]
    [InlineData(25.0, 0.02, 1.243)]  // SOC knee: 1 + 0.3·((0.2 − 0.02)/0.2)²
    [InlineData(25.0, 0.5, 1.0)]
    public void The_ohmic_jump_shows_resistance_rising_in_the_cold_and_at_the_soc_extremes(double ambient, double soc, double factor)
    {
        var truth = new CellTruth(0, 100, 0.45e-3, 0.68e-3, 30);
        var cell = Cell(truth, soc, CellOptions.Default with { AmbientTemperatureC = ambient });
        var bench = new Bench(cell);
        double before = bench.Master.Read(0).VoltageV;
        bench.Master.StartStep(0, ChannelMode.DischargeCc, 100, cutoffTimeS: 60);
        double after = bench.Master.Read(0).VoltageV;
        Assert.Equal(0.45e-3 * factor, (before - after) / 100, 0.45e-3 * factor * 0.01);
    }

    [Fact]
    public void A_resting_cell_loses_voltage_to_its_leak()
    {
        // 20 mA for a day on 100 Ah: ΔSOC = 0.0048; on the 0.5–0.6 piece (0.71 V per unit SOC) that is 3.4 mV/day.
        var bench = new Bench(Cell(TwoPairs with { SelfDischargeA = 0.02 }, 0.55));
        double before = bench.Master.Read(0).VoltageV;
        bench.Advance(86_400);
        var after = bench.Unit.ReadChannelState(0);
        Assert.Equal(0.55 - (0.02 * 86_400 / 360_000), after.StateOfCharge, 12);
        Assert.Equal(0.71 * 0.0048, before - bench.Master.Read(0).VoltageV, 0.0002);
    }

    [Theory]
    [InlineData(ChannelMode.DischargeCc, 0.3, 150, 3.3)]
    [InlineData(ChannelMode.ChargeCc, 0.7, 150, 4.05)]
    [InlineData(ChannelMode.DischargeCc, 0.05, 20, 3.0)]
    public void A_voltage_cutoff_ends_the_step_without_overshoot_in_the_full_model(ChannelMode mode, double soc, double current, double cutoff)
    {
        var bench = new Bench(Cell(TwoPairs with { SelfDischargeA = 0.003 }, soc, CellOptions.Default));
        bench.Master.StartStep(0, mode, current, cutoffVoltageV: cutoff);
        var end = bench.RunToEnd(0, pollS: 7.3)[^1];
        Assert.Equal(DeviceEndReason.Voltage, end.EndReason);
        var exact = bench.Unit.ReadChannelState(0);
        double overshoot = mode == ChannelMode.ChargeCc ? exact.EndVoltageV - (float)cutoff : (float)cutoff - exact.EndVoltageV;

        // The crossing itself is found to 0.1 µs; what remains is the 0.1 % step of the resistance between two
        // coefficient epochs (I·R0·0.001), below the 0.1 mV register resolution at up to 1.5C.
        Assert.InRange(overshoot, 0, current * 0.45e-3 * CoefficientEpoch.RelativeChange * 1.3);
        Assert.InRange(overshoot, 0, 0.0001);
    }

    [Fact]
    public void A_taper_cutoff_ends_the_hold_without_overshoot_in_the_full_model()
    {
        var bench = new Bench(Cell(TwoPairs with { SelfDischargeA = 0.003 }, 0.6, CellOptions.Default));
        bench.Master.StartStep(0, ChannelMode.ChargeCccv, 50, voltageV: 4.1, cutoffCurrentA: 2.5);
        var end = bench.RunToEnd(0, pollS: 11)[^1];
        Assert.Equal(DeviceEndReason.Current, end.EndReason);
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.StepComplete, s.State);
        Assert.Equal(2.5, bench.Master.ReadChannelField(0, "endCurrent"), 0.0001);
        Assert.Equal(4.1, bench.Master.ReadChannelField(0, "endVoltage"), 0.0001);
    }
}
