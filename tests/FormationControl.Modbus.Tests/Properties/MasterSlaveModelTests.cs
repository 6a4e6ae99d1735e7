using System.IO.Ports;
using CsCheck;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Support;
using static FormationControl.Modbus.Tests.Properties.ModbusModel;

namespace FormationControl.Modbus.Tests.Properties;

/// <summary>
/// Random sequences of valid requests (every function code, sizes up to the limits, addresses that sometimes run past
/// the bank) from our master to our slave, over TCP and over RTU: every answer agrees with <see cref="ModbusModel"/>.
/// </summary>
public class MasterSlaveModelTests
{
    private const byte Unit = 5;

    private static readonly Gen<ushort> Address = Gen.Frequency((6, Gen.UShort[0, ModbusModel.Size - 1]), (1, Gen.UShort[0, ModbusModel.Size + 200]));

    private static readonly Gen<Operation> Operations = Gen.OneOf<Operation>(
        Gen.Select(Address, Gen.UShort[1, 125], (a, n) => (Operation)new ReadHolding(a, n)),
        Gen.Select(Address, Gen.UShort[1, 125], (a, n) => (Operation)new ReadInput(a, n)),
        Gen.Select(Address, Gen.UShort[1, 2000], (a, n) => (Operation)new ReadCoils(a, n)),
        Gen.Select(Address, Gen.UShort[1, 2000], (a, n) => (Operation)new ReadDiscrete(a, n)),
        Gen.Select(Address, Gen.UShort, (a, v) => (Operation)new WriteRegister(a, v)),
        Gen.Select(Address, Gen.UShort.Array[1, 123], (a, v) => (Operation)new WriteRegisters(a, v)),
        Gen.Select(Address, Gen.Bool, (a, v) => (Operation)new WriteCoil(a, v)),
        Gen.Select(Address, Gen.Bool.Array[1, 1968], (a, v) => (Operation)new WriteCoilBlock(a, v)),
        Gen.Select(Address, Gen.UShort[1, 125], Address, Gen.UShort.Array[1, 121], (ra, rn, wa, v) => (Operation)new ReadWrite(ra, rn, wa, v)));

    private static readonly Gen<Operation[]> Sequences = Operations.Array[1, 25];

    [Theory]
    [InlineData(1000)]
    [InlineData(0)] // every exchange on the asynchronous path, on both sides
    public async Task Over_TCP_every_answer_agrees_with_the_model(int fastPathMicroseconds)
    {
        TimeSpan fastPath = TimeSpan.FromMicroseconds(fastPathMicroseconds);
        await Sequences.SampleAsync(
            async sequence =>
            {
                await using var slave = LoopbackSlave.Start(new RegisterBank(ModbusModel.Size, [Unit]), new ModbusTcpSlaveOptions { FastPathWait = fastPath });
                await using var master = await slave.ConnectAsync(new ModbusTcpMasterOptions { FastPathWait = fastPath, Timeout = TimeSpan.FromSeconds(5) });
                var model = new ModbusModel();
                foreach (Operation operation in sequence)
                {
                    await model.CheckAsync(operation, master, Unit).Within();
                }
            },
            iter: 60);
    }

    [Fact]
    public async Task Over_TCP_with_pipelining_concurrent_callers_agree_with_the_model_for_reads()
    {
        // Concurrent reads of input registers (which never change) from many callers at once.
        await using var slave = LoopbackSlave.Start(new RegisterBank(ModbusModel.Size, [Unit]));
        await using var master = await slave.ConnectAsync(new ModbusTcpMasterOptions { MaxOutstandingRequests = 4, Timeout = TimeSpan.FromSeconds(5) });
        await Gen.Select(Address, Gen.UShort[1, 125]).Array[1, 40].SampleAsync(
            async reads =>
            {
                var model = new ModbusModel();
                await Task.WhenAll(reads.Select(r => model.CheckAsync(new ReadInput(r.Item1, r.Item2), master, Unit))).Within();
            },
            iter: 40);
    }

    [Fact]
    public async Task Over_RTU_every_answer_agrees_with_the_model()
    {
        var settings = new SerialLineSettings(115200, Parity.None);
        await Sequences.SampleAsync(
            async sequence =>
            {
                var line = new MemoryLine();
                await using var slave = new ModbusRtuSlave(new RegisterBank(ModbusModel.Size, [Unit]), new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero });
                slave.Start("memory", () => line.EndA, settings);
                await using var master = ModbusRtuMaster.Open(
                    "memory", () => line.EndB, settings, new ModbusRtuMasterOptions { InterFrameDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) });
                var model = new ModbusModel();
                foreach (Operation operation in sequence)
                {
                    await model.CheckAsync(operation, master, Unit).Within();
                }
            },
            iter: 60);
    }
}
