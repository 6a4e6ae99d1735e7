using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Interop;

/// <summary>
/// Every function code of our master against a peer server holding <see cref="PeerData"/> in <paramref name="size"/>
/// entries per table: reads of all four tables at their limits, every write read back, function 23, and an
/// exception answer. Writes touch only addresses from <c>size / 2</c> on, so reads below stay predictable.
/// </summary>
internal static class PeerConformance
{
    public static async Task RunAsync(IModbusMaster master, byte unit, int size)
    {
        Assert.Equal(Enumerable.Range(0, 125).Select(PeerData.Holding), await master.ReadHoldingRegistersAsync(unit, 0, 125).Within());
        Assert.Equal(Enumerable.Range(7, 125).Select(PeerData.Input), await master.ReadInputRegistersAsync(unit, 7, 125).Within());
        Assert.Equal(Enumerable.Range(1, 2000).Select(PeerData.Coil), await master.ReadCoilsAsync(unit, 1, 2000).Within());
        Assert.Equal(Enumerable.Range(3, 13).Select(PeerData.Discrete), await master.ReadDiscreteInputsAsync(unit, 3, 13).Within());

        int w = size / 2;
        await master.WriteSingleRegisterAsync(unit, (ushort)w, 0xCAFE).Within();
        ushort[] block = Enumerable.Range(0, 123).Select(i => (ushort)(i * 517)).ToArray();
        await master.WriteMultipleRegistersAsync(unit, (ushort)(w + 1), block).Within();
        Assert.Equal([0xCAFE, .. block, PeerData.Holding(w + 124)], await master.ReadHoldingRegistersAsync(unit, (ushort)w, 125).Within());

        bool[] pattern = Enumerable.Range(0, 1968).Select(i => i % 5 == 1).ToArray();
        await master.WriteMultipleCoilsAsync(unit, (ushort)w, pattern).Within();
        await master.WriteSingleCoilAsync(unit, (ushort)w, true).Within();
        await master.WriteSingleCoilAsync(unit, (ushort)(w + 1), false).Within();
        bool[] expected = [true, false, .. pattern[2..]];
        Assert.Equal(expected, await master.ReadCoilsAsync(unit, (ushort)w, 1968).Within());

        ushort[] written = Enumerable.Range(1, 121).Select(i => (ushort)(60000 + i)).ToArray();
        ushort[] read = await master.ReadWriteMultipleRegistersAsync(unit, (ushort)(w + 200), 125, (ushort)(w + 201), written).Within();
        Assert.Equal([PeerData.Holding(w + 200), .. written, PeerData.Holding(w + 322), PeerData.Holding(w + 323), PeerData.Holding(w + 324)], read);

        var e = await Assert.ThrowsAsync<ModbusException>(() => master.ReadHoldingRegistersAsync(unit, (ushort)(size - 1), 2).Within());
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
        Assert.Equal(new ushort[] { PeerData.Holding(size - 1) }, await master.ReadHoldingRegistersAsync(unit, (ushort)(size - 1), 1).Within());
    }
}
