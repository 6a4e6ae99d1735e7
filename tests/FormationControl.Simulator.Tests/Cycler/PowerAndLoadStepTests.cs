using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cycler;

/// <summary>Constant-power and constant-resistance steps run on the device.</summary>
public sealed class PowerAndLoadStepTests
{
    [Theory]
    [InlineData(ChannelMode.DischargeCp, 0.8, 400.0, 3.4)]
    [InlineData(ChannelMode.ChargeCp, 0.2, 250.0, 4.0)]
    public void Constant_power_holds_v_times_i_and_ends_at_its_cutoff(ChannelMode mode, double soc, double power, double cutoff)
    {
        var bench = new Bench(Bench.FullCell(soc));
        bench.Master.StartStep(0, mode, powerW: power, cutoffVoltageV: cutoff);
        double sign = mode == ChannelMode.ChargeCp ? 1 : -1;
        ChannelReading s;
        do
        {
            bench.Advance(13);
            s = bench.Master.Read(0);
            if (s.State == ChannelDeviceState.Running)
            {
                // Within the 1 mV the voltage may drift before the device re-solves its current.
                Assert.Equal(sign * power, s.VoltageV * s.CurrentA, power * 5e-4);
            }
        }
        while (s.State == ChannelDeviceState.Running);

        Assert.Equal(DeviceEndReason.Voltage, s.EndReason);
        Assert.Equal(sign * power * s.StepTimeS / 3600, s.StepWh, power * s.StepTimeS / 3600 * 5e-4);
        var exact = bench.Unit.ReadChannelState(0);
        Assert.Equal((float)cutoff, exact.EndVoltageV, 0.0001);
    }

    [Fact]
    public void Constant_resistance_draws_v_over_r_and_ends_at_its_cutoff()
    {
        var bench = new Bench(Bench.FullCell(0.5));
        const double load = 0.05;
        bench.Master.StartStep(0, ChannelMode.DischargeCr, resistanceOhm: load, cutoffVoltageV: 3.5);
        ChannelReading s;
        do
        {
            bench.Advance(30);
            s = bench.Master.Read(0);
            if (s.State == ChannelDeviceState.Running)
            {
                Assert.Equal(-s.VoltageV / (float)load, s.CurrentA, 0.003);
            }
        }
        while (s.State == ChannelDeviceState.Running);

        Assert.Equal(DeviceEndReason.Voltage, s.EndReason);
        Assert.Equal(3.5, bench.Unit.ReadChannelState(0).EndVoltageV, 1e-5);
    }

    [Fact]
    public void Constant_resistance_energy_is_the_integral_of_v_squared_over_r()
    {
        var bench = new Bench(Bench.FullCell(0.5));
        const double load = 0.05;
        bench.Master.StartStep(0, ChannelMode.DischargeCr, resistanceOhm: load, cutoffTimeS: 600);
        double previous = bench.Unit.ReadChannelState(0).VoltageV, energy = 0;
        for (int i = 0; i < 600; i++)
        {
            bench.Advance(1);
            var now = bench.Unit.ReadChannelState(0);
            double v = now.State == ChannelDeviceState.Running ? now.VoltageV : now.EndVoltageV;
            energy -= ((previous * previous) + (v * v)) / 2 / (float)load;
            previous = v;
        }

        Assert.Equal(energy / 3600, bench.Unit.ReadChannelState(0).StepWh, Math.Abs(energy / 3600) * 1e-5);
    }

    [Fact]
    public void A_resistive_step_without_a_resistance_is_refused()
    {
        var bench = new Bench(Bench.Cell(0.5));
        Assert.Null(bench.Master.WriteChannelField(0, "mode", (double)ChannelMode.DischargeCr));
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, bench.Master.Command(0, ChannelCommand.Start));
    }

    [Fact]
    public void A_map_without_the_power_field_cannot_run_power_steps()
    {
        // The same map with powerSetpoint removed.
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "profiles", "devices", "sim-cycler-v1.json"));
        string without = string.Join('\n', json.Split('\n').Where(l => !l.Contains("\"powerSetpoint\"", StringComparison.Ordinal)));
        var map = RegisterMapLoader.Parse(without, "no-power.json");
        var clock = new FormationControl.Core.Time.VirtualClock(DateTimeOffset.UnixEpoch);
        var unit = new SimulatedCyclerUnit(map, 1, [Bench.Cell(0.5)], clock);
        var master = new RegisterMaster(unit, 1, map);
        Assert.Null(master.WriteChannelField(0, "mode", (double)ChannelMode.DischargeCp));
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, master.Command(0, ChannelCommand.Start));
        Assert.Null(master.WriteChannelField(0, "mode", (double)ChannelMode.DischargeCc));
        Assert.Null(master.Command(0, ChannelCommand.Start));
    }
}
