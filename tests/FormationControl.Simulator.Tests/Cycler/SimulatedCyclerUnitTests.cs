using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Simulator.Tests.Cycler;

/// <summary>The register behaviour of a unit: identity, storage, commands, errors, watchdog.</summary>
public sealed class SimulatedCyclerUnitTests
{
    private static readonly RegisterMap Map = TestMaps.SimCyclerV1;

    [Fact]
    public void Identity_fields_and_the_device_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var unit = new SimulatedCyclerUnit(Map, 9, [Bench.Cell(), Bench.Cell(), Bench.Cell()], time);
        var m = new RegisterMaster(unit, 9, Map);
        Assert.Equal(0x4643, m.ReadUnitField("vendorCode"));
        Assert.Equal(1, m.ReadUnitField("mapVersion"));
        Assert.Equal(3, m.ReadUnitField("channelCount"));
        Assert.Equal(0, m.ReadUnitField("deviceTime"));
        time.Advance(TimeSpan.FromSeconds(123.45));
        Assert.Equal(123.45, m.ReadUnitField("deviceTime"), 9);
    }

    [Fact]
    public void A_new_channel_is_idle_and_shows_its_cells_open_circuit_voltage()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3));
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Idle, s.State);
        Assert.Equal(0, s.StepSequence);
        Assert.Equal(ChannelMode.Rest, s.ActiveMode);
        Assert.Equal(DeviceEndReason.None, s.EndReason);
        Assert.Equal(3.625, s.VoltageV, 9);
        Assert.Equal(0, s.CurrentA);
    }

    [Fact]
    public void Start_latches_the_command_block_and_clears_the_command_register()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3), Bench.Cell(soc: 0.3));
        bench.Master.StartStep(1, ChannelMode.ChargeCc, 12.5, cutoffVoltageV: 4.1);
        Assert.Equal(0, bench.Master.ReadChannelField(1, "command"));
        Assert.Equal(12.5, bench.Master.ReadChannelField(1, "currentSetpoint"));
        Assert.Equal((double)ChannelMode.ChargeCc, bench.Master.ReadChannelField(1, "mode"));

        // The step runs on what was latched: rewriting the setpoint alone changes nothing until the next Start.
        Assert.Null(bench.Master.WriteChannelField(1, "currentSetpoint", 50));
        bench.Advance(10);
        var s = bench.Master.Read(1);
        Assert.Equal(ChannelDeviceState.Running, s.State);
        Assert.Equal(1, s.StepSequence);
        Assert.Equal(ChannelMode.ChargeCc, s.ActiveMode);
        Assert.Equal(12.5, s.CurrentA, 4);
        Assert.Equal(50, bench.Master.ReadChannelField(1, "currentSetpoint"));
        Assert.Equal(ChannelDeviceState.Idle, bench.Master.Read(0).State);

        // Start again: a new step with the new setpoint, counters reset.
        Assert.Null(bench.Master.Command(1, ChannelCommand.Start));
        bench.Advance(2);
        s = bench.Master.Read(1);
        Assert.Equal(2, s.StepSequence);
        Assert.Equal(50, s.CurrentA, 4);
        Assert.Equal(2, s.StepTimeS, 9);
    }

    [Fact]
    public void Step_sequence_wraps_at_16_bits()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3));
        for (int i = 0; i < 65_536; i++)
        {
            Assert.Null(bench.Master.Command(0, ChannelCommand.Start));
        }

        Assert.Equal(0, bench.Master.Read(0).StepSequence);
        Assert.Null(bench.Master.Command(0, ChannelCommand.Start));
        Assert.Equal(1, bench.Master.Read(0).StepSequence);
    }

    [Fact]
    public void Stop_ends_a_running_step_and_does_nothing_otherwise()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3));
        Assert.Null(bench.Master.Command(0, ChannelCommand.Stop));
        Assert.Equal(ChannelDeviceState.Idle, bench.Master.Read(0).State);

        bench.Master.StartStep(0, ChannelMode.ChargeCc, 20, cutoffVoltageV: 4.1);
        bench.Advance(30);
        Assert.Null(bench.Master.Command(0, ChannelCommand.Stop));
        bench.Advance(30);
        var s = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.StepComplete, s.State);
        Assert.Equal(DeviceEndReason.Stopped, s.EndReason);
        Assert.Equal(30, s.StepTimeS, 9);
        Assert.Equal(20 * 30 / 3600.0, s.StepAh, 1e-5);
        Assert.Equal(0, s.CurrentA);
        Assert.Equal(0, bench.Master.ReadChannelField(0, "command"));
    }

    [Fact]
    public void A_fault_latches_until_cleared()
    {
        var bench = new Bench(Bench.Cell(soc: 0.999));
        bench.Master.StartStep(0, ChannelMode.ChargeCc, 100);
        bench.RunToEnd(0);
        var faulted = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Faulted, faulted.State);
        Assert.Equal(DeviceFaultCode.OverVoltage, faulted.FaultCode);

        // Start and Stop are ignored while faulted.
        bench.Master.StartStep(0, ChannelMode.DischargeCc, 10, cutoffVoltageV: 3.0);
        Assert.Null(bench.Master.Command(0, ChannelCommand.Stop));
        bench.Advance(10);
        var still = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Faulted, still.State);
        Assert.Equal(faulted.StepSequence, still.StepSequence);
        Assert.Equal(0, still.CurrentA);

        Assert.Null(bench.Master.Command(0, ChannelCommand.ClearFault));
        var cleared = bench.Master.Read(0);
        Assert.Equal(ChannelDeviceState.Idle, cleared.State);
        Assert.Equal(DeviceFaultCode.None, cleared.FaultCode);
        Assert.Equal(DeviceEndReason.None, cleared.EndReason);

        bench.Master.StartStep(0, ChannelMode.DischargeCc, 10, cutoffVoltageV: 3.0);
        bench.Advance(10);
        Assert.Equal(ChannelDeviceState.Running, bench.Master.Read(0).State);
    }

    [Fact]
    public void A_write_with_an_unusable_command_is_refused_as_a_whole()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3));
        var mode = Map.Channel.Field("mode");
        ushort modeAddress = Map.Channel.AddressOf(mode, 0);
        int command = Map.Channel.Field("command").Offset;
        var block = new ushort[command + 1];
        block[0] = (ushort)ChannelMode.ChargeCc;
        block[command] = 9; // no such command
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, bench.Unit.WriteRegisters(1, modeAddress, block));
        Assert.Equal(0, bench.Master.ReadChannelField(0, "mode"));

        block[0] = 42; // no such mode
        block[command] = (ushort)ChannelCommand.Start;
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, bench.Unit.WriteRegisters(1, modeAddress, block));
        Assert.Equal(0, bench.Master.ReadChannelField(0, "mode"));
        Assert.Equal(0, bench.Master.Read(0).StepSequence);

        Assert.Null(bench.Master.WriteChannelField(0, "currentSetpoint", double.NaN));
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, bench.Master.Command(0, ChannelCommand.Start));
        Assert.Equal(0, bench.Master.ReadChannelField(0, "command"));
    }

    [Fact]
    public void One_write_can_start_several_channels_and_one_read_cover_several()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3), Bench.Cell(soc: 0.4), Bench.Cell(soc: 0.5));
        int stride = Map.Channel.Stride;
        var mode = Map.Channel.Field("mode");
        var command = Map.Channel.Field("command");
        var registers = new ushort[(2 * stride) + command.Offset + 1];
        foreach (int c in new[] { 0, 2 })
        {
            registers[(c * stride) + mode.Offset] = (ushort)ChannelMode.Rest;
            registers[(c * stride) + command.Offset] = (ushort)ChannelCommand.Start;
        }

        Assert.Null(bench.Unit.WriteRegisters(1, Map.Channel.BaseOf(ModbusTable.HoldingRegisters, 0), registers));
        bench.Advance(1);

        var all = new ushort[3 * stride];
        Assert.Null(bench.Unit.ReadRegisters(1, ModbusTable.InputRegisters, Map.Channel.BaseOf(ModbusTable.InputRegisters, 0), all));
        var state = Map.Channel.Field("state");
        Assert.Equal((ushort)ChannelDeviceState.Running, all[state.Offset]);
        Assert.Equal((ushort)ChannelDeviceState.Idle, all[stride + state.Offset]);
        Assert.Equal((ushort)ChannelDeviceState.Running, all[(2 * stride) + state.Offset]);

        // The same registers read one channel at a time.
        for (int c = 0; c < 3; c++)
        {
            var one = new ushort[stride];
            Assert.Null(bench.Unit.ReadRegisters(1, ModbusTable.InputRegisters, Map.Channel.BaseOf(ModbusTable.InputRegisters, c), one));
            Assert.Equal(all.AsSpan(c * stride, stride).ToArray(), one);
        }
    }

    [Theory]
    [InlineData(ModbusTable.InputRegisters, 6, 1)]       // just past the unit fields
    [InlineData(ModbusTable.InputRegisters, 5, 2)]       // straddles the end of the unit fields
    [InlineData(ModbusTable.InputRegisters, 999, 1)]
    [InlineData(ModbusTable.InputRegisters, 1040, 1)]    // channel 2 of a two-channel unit (stride 20)
    [InlineData(ModbusTable.InputRegisters, 1030, 16)]   // runs past the last channel
    [InlineData(ModbusTable.HoldingRegisters, 2, 1)]
    [InlineData(ModbusTable.HoldingRegisters, 65535, 1)]
    public void Reads_outside_the_map_are_illegal_addresses(ModbusTable table, int address, int count)
    {
        var bench = new Bench(Bench.Cell(), Bench.Cell());
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, bench.Unit.ReadRegisters(1, table, (ushort)address, new ushort[count]));
    }

    [Fact]
    public void Other_requests_outside_the_map_are_refused()
    {
        var bench = new Bench(Bench.Cell());
        var unit = bench.Unit;
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, unit.WriteRegisters(1, 2, new ushort[1]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, unit.WriteRegisters(1, 1015, new ushort[10]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, unit.ReadBits(1, ModbusTable.Coils, 0, new bool[1]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, unit.ReadBits(1, ModbusTable.DiscreteInputs, 0, new bool[1]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, unit.WriteBits(1, 0, new bool[1]));
        Assert.Equal(ModbusExceptionCode.IllegalFunction, unit.ReadRegisters(1, ModbusTable.Coils, 0, new ushort[1]));
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, unit.ReadRegisters(1, ModbusTable.InputRegisters, 0, []));
        Assert.Equal(ModbusExceptionCode.GatewayPathUnavailable, unit.ReadRegisters(2, ModbusTable.InputRegisters, 0, new ushort[1]));
        Assert.True(unit.ServesUnit(1));
        Assert.False(unit.ServesUnit(2));
    }

    [Fact]
    public void Holding_registers_are_plain_storage()
    {
        var bench = new Bench(Bench.Cell());
        var values = Enumerable.Range(1, 13).Select(i => (ushort)(i * 1000)).ToArray();
        Assert.Null(bench.Unit.WriteRegisters(1, 1000, values));
        var back = new ushort[13];
        Assert.Null(bench.Unit.ReadRegisters(1, ModbusTable.HoldingRegisters, 1000, back));
        Assert.Equal(values, back);
        Assert.Null(bench.Master.WriteUnitField("heartbeat", 4711));
        Assert.Equal(4711, bench.Master.ReadUnitField("heartbeat"));
    }

    [Fact]
    public void The_watchdog_ends_running_steps_when_the_heartbeat_stops()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3), Bench.Cell(soc: 0.3));
        var m = bench.Master;
        Assert.Null(m.WriteUnitField("watchdogPeriod", 10));
        m.StartStep(0, ChannelMode.ChargeCc, 36, cutoffVoltageV: 4.1);
        for (int i = 1; i <= 10; i++)
        {
            bench.Advance(4);
            Assert.Null(m.WriteUnitField("heartbeat", i));
        }

        Assert.Equal(ChannelDeviceState.Running, m.Read(0).State);

        // Last heartbeat at 40 s: the watchdog expires at 50 s, whenever the master next looks.
        bench.Advance(37);
        var s = m.Read(0);
        Assert.Equal(ChannelDeviceState.StepComplete, s.State);
        Assert.Equal(DeviceEndReason.Watchdog, s.EndReason);
        Assert.Equal(50, s.StepTimeS, 9);
        Assert.Equal(36 * 50 / 3600.0, s.StepAh, 1e-9);
        Assert.Equal(0, s.CurrentA);
        Assert.Equal(ChannelDeviceState.Idle, m.Read(1).State);

        // While it stays expired, a started step ends at once; a heartbeat re-arms it.
        m.StartStep(1, ChannelMode.ChargeCc, 36, cutoffVoltageV: 4.1);
        bench.Advance(1);
        Assert.Equal(DeviceEndReason.Watchdog, m.Read(1).EndReason);
        Assert.Equal(0, m.Read(1).StepTimeS);
        Assert.Null(m.WriteUnitField("heartbeat", 0));
        m.StartStep(1, ChannelMode.ChargeCc, 36, cutoffVoltageV: 4.1);
        bench.Advance(9);
        Assert.Equal(ChannelDeviceState.Running, m.Read(1).State);
    }

    [Fact]
    public void Without_a_watchdog_period_steps_run_without_heartbeats()
    {
        var bench = new Bench(Bench.Cell(soc: 0.3));
        bench.Master.StartStep(0, ChannelMode.Rest, cutoffTimeS: 3600);
        bench.Advance(1800);
        Assert.Equal(ChannelDeviceState.Running, bench.Master.Read(0).State);
    }

    [Fact]
    public void Snapshots_give_the_exact_state_and_the_truth()
    {
        var cell = new SimulatedCell(new CellTruth(5, 98.7, 0.5e-3, 0.7e-3, 28), OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = 0.4 });
        var bench = new Bench(cell);
        Assert.Equal(98.7, bench.Unit.TruthOf(0).CapacityAh);
        bench.Master.StartStep(0, ChannelMode.DischargeCc, 9.87, cutoffVoltageV: 3.0);
        bench.Advance(360);
        var snapshot = bench.Unit.ReadChannelState(0);
        Assert.Equal(360, snapshot.TimeS, 9);
        Assert.Equal(0.4 - (9.87 * 360 / (3600 * 98.7)), snapshot.StateOfCharge, 9);
        Assert.Equal(snapshot.OpenCircuitVoltageV - (9.87 * snapshot.R0Ohm) + snapshot.V1V + snapshot.V2V, snapshot.VoltageV, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Unit.ReadChannelState(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Unit.TruthOf(-1));
    }

    [Fact]
    public void Construction_checks_the_cells_against_the_map()
    {
        var clock = new FakeTimeProvider();
        var tooMany = Enumerable.Range(0, Map.Channel.MaxChannels + 1).Select(_ => Bench.Cell()).ToList();
        Assert.Throws<ArgumentException>(() => new SimulatedCyclerUnit(Map, 1, tooMany, clock));
        Assert.Throws<ArgumentException>(() => new SimulatedCyclerUnit(Map, 1, [], clock));
        var cell = Bench.Cell();
        var e = Assert.Throws<ArgumentException>(() => new SimulatedCyclerUnit(Map, 1, [cell, cell], clock));
        Assert.Contains("cell 1", e.Message, StringComparison.Ordinal);
        var cells = Enumerable.Range(0, Map.Channel.MaxChannels).Select(_ => Bench.Cell()).ToList();
        var full = new SimulatedCyclerUnit(Map, 1, cells, clock);
        Assert.Equal(256, full.ChannelCount);

        // A cell already in a channel of one unit cannot go into another.
        Assert.Throws<ArgumentException>(() => new SimulatedCyclerUnit(Map, 2, [Bench.Cell(), cells[17]], clock));
    }

    [Fact]
    public void A_map_without_the_command_block_is_refused_by_name()
    {
        const string json = """
            { "name": "bare", "unitFields": [],
              "channel": { "maxChannels": 4, "stride": 8, "base": { "holding": 100, "input": 100 },
                "fields": [ { "name": "state", "table": "input", "offset": 0, "type": "u16" } ] } }
            """;
        var map = RegisterMapLoader.Parse(json, "bare.json");
        var e = Assert.Throws<ArgumentException>(() => new SimulatedCyclerUnit(map, 1, [Bench.Cell()], new FakeTimeProvider()));
        Assert.Contains("'mode'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'bare'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chamber_temperature_is_served_and_the_cells_follow_it_with_their_thermal_time_constant()
    {
        var bench = new Bench(Bench.Cell(0.5), Bench.Cell(0.6));
        Assert.Equal(25, bench.Master.ReadUnitField("ambientTemperature"), 9);
        bench.Advance(10);
        bench.Unit.SetAmbientTemperature(45);
        Assert.Equal(45, bench.Unit.AmbientTemperatureC);
        Assert.Equal(45, bench.Master.ReadUnitField("ambientTemperature"), 9);
        bench.Advance(100);

        // C = 1000 J/K, hA = 10 W/K: τ = 100 s.
        double expected = 45 - (20 * Math.Exp(-1));
        Assert.Equal(expected, bench.Unit.ReadChannelState(0).TemperatureC, 9);
        Assert.Equal(expected, bench.Unit.ReadChannelState(1).TemperatureC, 9);
        Assert.Equal(expected, bench.Master.Read(1).TemperatureC, 0.05);
        Assert.Throws<ArgumentOutOfRangeException>(() => bench.Unit.SetAmbientTemperature(double.NaN));
    }

    [Fact]
    public void A_unit_ambient_option_overrides_the_cells_own()
    {
        var clock = new FormationControl.Core.Time.VirtualClock(DateTimeOffset.UnixEpoch);
        var unit = new SimulatedCyclerUnit(Map, 1, [Bench.Cell(0.5)], clock, SimulatedUnitOptions.Default with { AmbientTemperatureC = 40 });
        clock.Advance(TimeSpan.FromSeconds(100));
        var s = unit.ReadChannelState(0);
        Assert.Equal(40, s.AmbientTemperatureC);
        Assert.Equal(40 - (15 * Math.Exp(-1)), s.TemperatureC, 9);
        Assert.Equal(TimeSpan.FromSeconds(100), unit.DeviceTime);
    }
}
