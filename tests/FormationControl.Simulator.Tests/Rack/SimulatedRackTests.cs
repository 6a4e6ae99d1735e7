using FormationControl.Devices.Cycler;
using FormationControl.Modbus.Protocol;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Rack;
using FormationControl.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Simulator.Tests.Rack;

public sealed class SimulatedRackTests
{
    [Fact]
    public void Routes_each_request_to_the_unit_with_its_id()
    {
        var time = new FakeTimeProvider();
        var map = TestMaps.SimCyclerV1;
        var two = new SimulatedCyclerUnit(map, 1, [Bench.Cell(), Bench.Cell()], time);
        var three = new SimulatedCyclerUnit(map, 7, [Bench.Cell(), Bench.Cell(), Bench.Cell()], time);
        var rack = new SimulatedRack([two, three]);

        Assert.Equal(2, new RegisterMaster(rack, 1, map).ReadUnitField("channelCount"));
        Assert.Equal(3, new RegisterMaster(rack, 7, map).ReadUnitField("channelCount"));

        new RegisterMaster(rack, 7, map).StartStep(2, ChannelMode.Rest, cutoffTimeS: 60);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ChannelDeviceState.Running, three.ReadChannelState(2).State);
        Assert.Equal(ChannelDeviceState.Idle, two.ReadChannelState(1).State);

        Assert.True(rack.ServesUnit(7));
        Assert.False(rack.ServesUnit(2));
        Assert.True(rack.TryGetUnit(1, out var found));
        Assert.Same(two, found);
        Assert.Equal([two, three], rack.Units);
        Assert.Equal(ModbusExceptionCode.GatewayPathUnavailable, rack.ReadRegisters(2, ModbusTable.InputRegisters, 0, new ushort[1]));
        Assert.Equal(ModbusExceptionCode.GatewayPathUnavailable, rack.WriteRegisters(2, 0, new ushort[1]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, rack.ReadBits(1, ModbusTable.Coils, 0, new bool[1]));
    }

    [Fact]
    public void Two_units_with_one_id_are_refused()
    {
        var time = new FakeTimeProvider();
        var a = new SimulatedCyclerUnit(TestMaps.SimCyclerV1, 3, [Bench.Cell()], time);
        var b = new SimulatedCyclerUnit(TestMaps.SimCyclerV1, 3, [Bench.Cell()], time);
        var e = Assert.Throws<ArgumentException>(() => new SimulatedRack([a, b]));
        Assert.Contains("unit id 3", e.Message, StringComparison.Ordinal);
    }
}
