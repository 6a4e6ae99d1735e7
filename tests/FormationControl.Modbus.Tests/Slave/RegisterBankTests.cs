using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;

namespace FormationControl.Modbus.Tests.Slave;

public class RegisterBankTests
{
    [Fact]
    public void Starts_with_recognisable_values()
    {
        var bank = new RegisterBank(65536, [1, 7]);
        ushort[] holding = new ushort[3], input = new ushort[3];
        bool[] coils = new bool[3], discrete = new bool[3];

        bank.ReadRegisters(7, ModbusTable.HoldingRegisters, 65533, holding);
        bank.ReadRegisters(7, ModbusTable.InputRegisters, 55534, input);
        bank.ReadBits(1, ModbusTable.Coils, 0, coils);
        bank.ReadBits(1, ModbusTable.DiscreteInputs, 0, discrete);

        Assert.Equal(new ushort[] { 65533, 65534, 65535 }, holding);
        Assert.Equal(new ushort[] { 65534, 65535, 0 }, input); // 10000 + a wraps at 65536
        Assert.All(coils, Assert.False);
        Assert.All(discrete, Assert.False);
    }

    [Fact]
    public void Serves_only_its_units()
    {
        var bank = new RegisterBank(10, [3, 3, 9]);

        Assert.Equal(new byte[] { 3, 9 }, bank.UnitIds);
        Assert.True(bank.ServesUnit(9));
        Assert.False(bank.ServesUnit(1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => bank.GetRegister(1, ModbusTable.HoldingRegisters, 0));
        Assert.Contains("serves 3, 9", e.Message);
    }

    [Fact]
    public void Ranges_past_the_size_are_illegal_data_addresses()
    {
        var bank = new RegisterBank(10, [1]);

        Assert.Null(bank.ReadRegisters(1, ModbusTable.HoldingRegisters, 5, new ushort[5]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, bank.ReadRegisters(1, ModbusTable.HoldingRegisters, 5, new ushort[6]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, bank.WriteRegisters(1, 10, new ushort[1]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, bank.ReadBits(1, ModbusTable.Coils, 9, new bool[2]));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, bank.WriteBits(1, 65535, new bool[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => bank.SetRegister(1, ModbusTable.InputRegisters, 10, 0));
    }

    [Fact]
    public void Writes_land_in_the_writable_tables_and_direct_setters_reach_all_four()
    {
        var bank = new RegisterBank(10, [1]);

        bank.WriteRegisters(1, 2, [500, 501]);
        bank.WriteBits(1, 3, [true]);
        bank.SetRegister(1, ModbusTable.InputRegisters, 4, 42);
        bank.SetBit(1, ModbusTable.DiscreteInputs, 5, true);

        Assert.Equal(501, bank.GetRegister(1, ModbusTable.HoldingRegisters, 3));
        Assert.Equal(10003, bank.GetRegister(1, ModbusTable.InputRegisters, 3));
        Assert.True(bank.GetBit(1, ModbusTable.Coils, 3));
        Assert.False(bank.GetBit(1, ModbusTable.DiscreteInputs, 3));
        Assert.Equal(42, bank.GetRegister(1, ModbusTable.InputRegisters, 4));
        Assert.True(bank.GetBit(1, ModbusTable.DiscreteInputs, 5));
    }

    [Fact]
    public void Asking_for_registers_from_a_bit_table_is_a_caller_error()
    {
        var bank = new RegisterBank(10, [1]);

        Assert.Throws<ArgumentOutOfRangeException>(() => bank.ReadRegisters(1, ModbusTable.Coils, 0, new ushort[1]));
    }

    [Fact]
    public async Task Concurrent_block_writes_are_never_seen_torn()
    {
        var bank = new RegisterBank(100, [1]);
        bank.WriteRegisters(1, 0, new ushort[100]); // uniform to begin with (initially holding[a] = a)
        int torn = 0;

        Task writer = Task.Run(() =>
        {
            ushort[] block = new ushort[100];
            for (ushort value = 0; value < 20000; value++)
            {
                Array.Fill(block, value);
                bank.WriteRegisters(1, 0, block);
            }
        });
        Task reader = Task.Run(() =>
        {
            ushort[] seen = new ushort[100];
            while (!writer.IsCompleted)
            {
                bank.ReadRegisters(1, ModbusTable.HoldingRegisters, 0, seen);
                if (seen.AsSpan().IndexOfAnyExcept(seen[0]) >= 0)
                {
                    Interlocked.Increment(ref torn);
                }
            }
        });

        await Task.WhenAll(writer, reader).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, torn);
    }
}
