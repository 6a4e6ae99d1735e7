using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Slave;

/// <summary>
/// A thread-safe in-memory data store: <see cref="Size"/> entries in each of the four tables for every
/// unit id it serves. Initial values are recognisable: holding[a] = a, input[a] = 10000 + a (mod 65536),
/// coils and discrete inputs off. A range past <see cref="Size"/> is answered with IllegalDataAddress.
/// </summary>
public sealed class RegisterBank : IModbusDataStore
{
    private readonly UnitTables?[] _units = new UnitTables?[256];

    /// <param name="size">Entries per table, 1 to 65536.</param>
    /// <param name="unitIds">Unit ids served; at least one.</param>
    public RegisterBank(int size, IEnumerable<byte> unitIds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 65536);
        ArgumentNullException.ThrowIfNull(unitIds);
        Size = size;
        foreach (byte unitId in unitIds)
        {
            _units[unitId] ??= new UnitTables(size);
        }

        UnitIds = Enumerable.Range(0, 256).Where(u => _units[u] is not null).Select(u => (byte)u).ToArray();
        if (UnitIds.Count == 0)
        {
            throw new ArgumentException("A register bank needs at least one unit id.", nameof(unitIds));
        }
    }

    /// <summary>Entries per table.</summary>
    public int Size { get; }

    /// <summary>The unit ids served, ascending.</summary>
    public IReadOnlyList<byte> UnitIds { get; }

    public bool ServesUnit(byte unitId) => _units[unitId] is not null;

    public ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination)
    {
        UnitTables unit = Unit(unitId);
        if (!InRange(address, destination.Length))
        {
            return ModbusExceptionCode.IllegalDataAddress;
        }

        ushort[] registers = unit.Registers(table);
        lock (unit)
        {
            registers.AsSpan(address, destination.Length).CopyTo(destination);
        }

        return null;
    }

    public ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values)
    {
        UnitTables unit = Unit(unitId);
        if (!InRange(address, values.Length))
        {
            return ModbusExceptionCode.IllegalDataAddress;
        }

        lock (unit)
        {
            values.CopyTo(unit.Holding.AsSpan(address));
        }

        return null;
    }

    public ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination)
    {
        UnitTables unit = Unit(unitId);
        if (!InRange(address, destination.Length))
        {
            return ModbusExceptionCode.IllegalDataAddress;
        }

        bool[] bits = unit.Bits(table);
        lock (unit)
        {
            bits.AsSpan(address, destination.Length).CopyTo(destination);
        }

        return null;
    }

    public ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values)
    {
        UnitTables unit = Unit(unitId);
        if (!InRange(address, values.Length))
        {
            return ModbusExceptionCode.IllegalDataAddress;
        }

        lock (unit)
        {
            values.CopyTo(unit.Coils.AsSpan(address));
        }

        return null;
    }

    public ModbusExceptionCode? CheckRange(byte unitId, ModbusTable table, ushort address, int count)
    {
        Unit(unitId);
        return InRange(address, count) ? null : ModbusExceptionCode.IllegalDataAddress;
    }

    /// <summary>Reads one holding or input register directly (for the device side and for tests).</summary>
    public ushort GetRegister(byte unitId, ModbusTable table, ushort address)
    {
        UnitTables unit = Unit(unitId);
        CheckAddress(address);
        lock (unit)
        {
            return unit.Registers(table)[address];
        }
    }

    /// <summary>Sets one holding or input register directly (input registers are read-only only to masters).</summary>
    public void SetRegister(byte unitId, ModbusTable table, ushort address, ushort value)
    {
        UnitTables unit = Unit(unitId);
        CheckAddress(address);
        lock (unit)
        {
            unit.Registers(table)[address] = value;
        }
    }

    /// <summary>Reads one coil or discrete input directly.</summary>
    public bool GetBit(byte unitId, ModbusTable table, ushort address)
    {
        UnitTables unit = Unit(unitId);
        CheckAddress(address);
        lock (unit)
        {
            return unit.Bits(table)[address];
        }
    }

    /// <summary>Sets one coil or discrete input directly.</summary>
    public void SetBit(byte unitId, ModbusTable table, ushort address, bool value)
    {
        UnitTables unit = Unit(unitId);
        CheckAddress(address);
        lock (unit)
        {
            unit.Bits(table)[address] = value;
        }
    }

    private bool InRange(ushort address, int count) => address + count <= Size;

    private void CheckAddress(ushort address)
    {
        if (address >= Size)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, $"The register bank holds addresses 0 to {Size - 1}.");
        }
    }

    private UnitTables Unit(byte unitId) =>
        _units[unitId] ?? throw new ArgumentOutOfRangeException(
            nameof(unitId), unitId, $"The register bank does not serve unit {unitId}; it serves {string.Join(", ", UnitIds)}.");

    /// <summary>The four tables of one unit; the instance is also the lock that guards them.</summary>
    private sealed class UnitTables
    {
        public UnitTables(int size)
        {
            Holding = new ushort[size];
            Input = new ushort[size];
            Coils = new bool[size];
            DiscreteInputs = new bool[size];
            for (int a = 0; a < size; a++)
            {
                Holding[a] = (ushort)a;
                Input[a] = unchecked((ushort)(10000 + a));
            }
        }

        public ushort[] Holding { get; }

        public ushort[] Input { get; }

        public bool[] Coils { get; }

        public bool[] DiscreteInputs { get; }

        public ushort[] Registers(ModbusTable table) => table switch
        {
            ModbusTable.HoldingRegisters => Holding,
            ModbusTable.InputRegisters => Input,
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Registers live in the holding or input table."),
        };

        public bool[] Bits(ModbusTable table) => table switch
        {
            ModbusTable.Coils => Coils,
            ModbusTable.DiscreteInputs => DiscreteInputs,
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Bits live in the coil or discrete-input table."),
        };
    }
}
