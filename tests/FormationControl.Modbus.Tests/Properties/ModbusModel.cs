using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tests.Properties;

/// <summary>
/// What a slave over a <see cref="FormationControl.Modbus.Slave.RegisterBank"/> of <see cref="Size"/> entries should
/// hold after each request: the reference the property tests compare our master and slave against.
/// </summary>
internal sealed class ModbusModel
{
    public const int Size = 300;

    private readonly ushort[] _holding = Enumerable.Range(0, Size).Select(a => (ushort)a).ToArray();
    private readonly bool[] _coils = new bool[Size];

    /// <summary>One request of a random sequence: run against a master, and predicted by the model.</summary>
    public abstract record Operation
    {
        /// <summary>Runs the request; returns what it read (empty for writes).</summary>
        public abstract Task<object> RunAsync(IModbusMaster master, byte unit);

        /// <summary>What the model says it reads, or null when the slave must answer exception 2 (past the bank).</summary>
        public abstract object? Expect(ModbusModel model);
    }

    public sealed record ReadHolding(ushort Address, ushort Count) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit) => await master.ReadHoldingRegistersAsync(unit, Address, Count);

        public override object? Expect(ModbusModel model) => model.InBank(Address, Count) ? model._holding[Address..(Address + Count)] : null;
    }

    public sealed record ReadInput(ushort Address, ushort Count) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit) => await master.ReadInputRegistersAsync(unit, Address, Count);

        public override object? Expect(ModbusModel model) =>
            model.InBank(Address, Count) ? Enumerable.Range(Address, Count).Select(a => (ushort)(10000 + a)).ToArray() : null;
    }

    public sealed record ReadCoils(ushort Address, ushort Count) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit) => await master.ReadCoilsAsync(unit, Address, Count);

        public override object? Expect(ModbusModel model) => model.InBank(Address, Count) ? model._coils[Address..(Address + Count)] : null;
    }

    public sealed record ReadDiscrete(ushort Address, ushort Count) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit) => await master.ReadDiscreteInputsAsync(unit, Address, Count);

        public override object? Expect(ModbusModel model) => model.InBank(Address, Count) ? new bool[Count] : null;
    }

    public sealed record WriteRegister(ushort Address, ushort Value) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit)
        {
            await master.WriteSingleRegisterAsync(unit, Address, Value);
            return Array.Empty<ushort>();
        }

        public override object? Expect(ModbusModel model) => model.WriteHolding(Address, [Value]);
    }

    public sealed record WriteRegisters(ushort Address, ushort[] Values) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit)
        {
            await master.WriteMultipleRegistersAsync(unit, Address, Values);
            return Array.Empty<ushort>();
        }

        public override object? Expect(ModbusModel model) => model.WriteHolding(Address, Values);
    }

    public sealed record WriteCoil(ushort Address, bool Value) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit)
        {
            await master.WriteSingleCoilAsync(unit, Address, Value);
            return Array.Empty<ushort>();
        }

        public override object? Expect(ModbusModel model) => model.WriteCoils(Address, [Value]);
    }

    public sealed record WriteCoilBlock(ushort Address, bool[] Values) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit)
        {
            await master.WriteMultipleCoilsAsync(unit, Address, Values);
            return Array.Empty<ushort>();
        }

        public override object? Expect(ModbusModel model) => model.WriteCoils(Address, Values);
    }

    public sealed record ReadWrite(ushort ReadAddress, ushort ReadCount, ushort WriteAddress, ushort[] Values) : Operation
    {
        public override async Task<object> RunAsync(IModbusMaster master, byte unit) =>
            await master.ReadWriteMultipleRegistersAsync(unit, ReadAddress, ReadCount, WriteAddress, Values);

        public override object? Expect(ModbusModel model)
        {
            // The slave writes first, then reads; a failing half fails the whole request.
            if (!model.InBank(WriteAddress, Values.Length) || !model.InBank(ReadAddress, ReadCount))
            {
                return null;
            }

            model.WriteHolding(WriteAddress, Values);
            return model._holding[ReadAddress..(ReadAddress + ReadCount)];
        }
    }

    /// <summary>Runs <paramref name="operation"/> on <paramref name="master"/> and checks it against the model.</summary>
    public async Task CheckAsync(Operation operation, IModbusMaster master, byte unit)
    {
        object? expected = operation.Expect(this);
        if (expected is null)
        {
            var e = await Assert.ThrowsAsync<ModbusException>(() => operation.RunAsync(master, unit));
            Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
            return;
        }

        object actual = await operation.RunAsync(master, unit);
        Assert.Equal(expected, actual);
    }

    private bool InBank(int address, int count) => address + count <= Size;

    private ushort[]? WriteHolding(ushort address, ushort[] values)
    {
        if (!InBank(address, values.Length))
        {
            return null;
        }

        values.CopyTo(_holding, address);
        return [];
    }

    private ushort[]? WriteCoils(ushort address, bool[] values)
    {
        if (!InBank(address, values.Length))
        {
            return null;
        }

        values.CopyTo(_coils, address);
        return [];
    }
}
