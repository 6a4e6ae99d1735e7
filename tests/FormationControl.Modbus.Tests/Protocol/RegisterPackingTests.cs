using CsCheck;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Tests.Protocol;

public class RegisterPackingTests
{
    [Fact]
    public void Writes_registers_big_endian()
    {
        byte[] bytes = new byte[6];

        RegisterPacking.Pack([0x022B, 0x0000, 0x0064], bytes);

        Assert.Equal(new byte[] { 0x02, 0x2B, 0x00, 0x00, 0x00, 0x64 }, bytes);
    }

    [Fact]
    public void Reads_registers_big_endian_from_an_odd_offset()
    {
        byte[] bytes = [0xEE, 0x12, 0x34, 0xAB, 0xCD];
        ushort[] registers = new ushort[2];

        RegisterPacking.Unpack(bytes.AsSpan(1), registers);

        Assert.Equal(new ushort[] { 0x1234, 0xABCD }, registers);
    }

    [Fact]
    public void Unpack_inverts_pack()
    {
        Gen.UShort.Array[1, 125].Sample(registers =>
        {
            byte[] bytes = new byte[registers.Length * 2 + 1];
            RegisterPacking.Pack(registers, bytes.AsSpan(1));
            ushort[] back = new ushort[registers.Length];
            RegisterPacking.Unpack(bytes.AsSpan(1), back);
            Assert.Equal(registers, back);
        });
    }
}
