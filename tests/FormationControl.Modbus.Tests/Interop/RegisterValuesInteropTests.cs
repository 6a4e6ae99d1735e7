using System.Globalization;
using FormationControl.Modbus.Data;
using FormationControl.Modbus.Tests.Peers;

namespace FormationControl.Modbus.Tests.Interop;

/// <summary>Our four word orders against how pymodbus and libmodbus lay 32-bit values over two registers.</summary>
public class RegisterValuesInteropTests
{
    public static TheoryData<float, int> Values => new()
    {
        { 1.5f, -123456789 },
        { -0.000123f, 2147483647 },
        { 3.4028235e38f, int.MinValue },
        { 1.17549435e-38f, 0x01020304 },
        { -7.25e-42f, -1 }, // subnormal
        { 0f, 0 },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Agree_with_pymodbus_BinaryPayloadBuilder_in_all_four_orders(float value, int integer)
    {
        string python = ExternalProgram.Find("python3", "/usr/bin/python3", "apt-get install -y python3 python3-pymodbus");
        var result = await PeerRun.RunAsync(python, Path.Combine(AppContext.BaseDirectory, "Peers", "pymodbus_values.py"), Text(value), integer.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());

        // pymodbus: byteorder orders the bytes within a word, wordorder the two words.
        (string Key, WordOrder Order)[] orders = [("big big", WordOrder.ABCD), ("big little", WordOrder.CDAB), ("little big", WordOrder.BADC), ("little little", WordOrder.DCBA)];
        foreach (var (key, order) in orders)
        {
            string[] line = result.Line(key + " ").Split(' ');
            Assert.Equal($"{line[3]} {line[4]}", Hex(r => RegisterValues.WriteSingle(value, r, order)));
            Assert.Equal($"{line[6]} {line[7]}", Hex(r => RegisterValues.WriteInt32(integer, r, order)));
            Assert.Equal($"{line[9]} {line[10]}", Hex(r => RegisterValues.WriteUInt32(unchecked((uint)integer), r, order)));
            ushort[] theirs = [Convert.ToUInt16(line[3], 16), Convert.ToUInt16(line[4], 16)];
            Assert.Equal(BitConverter.SingleToUInt32Bits(value), BitConverter.SingleToUInt32Bits(RegisterValues.ReadSingle(theirs, order)));
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Libmodbus_reads_our_registers_back_to_the_same_float_in_all_four_orders(float value, int integer)
    {
        (string Name, WordOrder Order)[] orders = [("abcd", WordOrder.ABCD), ("badc", WordOrder.BADC), ("cdab", WordOrder.CDAB), ("dcba", WordOrder.DCBA)];
        foreach (var (name, order) in orders)
        {
            ushort[] ours = new ushort[2];
            RegisterValues.WriteSingle(value, ours, order);

            var result = await PeerRun.RunAsync(LibmodbusProgram.Find("libmodbus_values"), "get", ours[0].ToString("X4"), ours[1].ToString("X4"));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(value, float.Parse(result.Line(name + " ").Split(' ')[1], CultureInfo.InvariantCulture));
        }

        ushort[] abcd = new ushort[2];
        RegisterValues.WriteInt32(integer, abcd, WordOrder.ABCD);
        var ints = await PeerRun.RunAsync(LibmodbusProgram.Find("libmodbus_values"), "get", abcd[0].ToString("X4"), abcd[1].ToString("X4"));
        Assert.Equal($"int32 {integer}", ints.Line("int32 "));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Libmodbus_3_1_6_setters_swap_the_bytes_of_each_word_on_this_little_endian_host(float value, int integer)
    {
        // A known libmodbus bug (stephane/libmodbus#358): its modbus_set_float_* apply the byte order twice on a
        // little-endian host, so modbus_set_float_abcd produces what the spec (and its own getter) call BADC.
        // Pinned here so a device configured "ABCD" with a libmodbus-based tool is understood, and a libmodbus
        // upgrade that fixes it shows up.
        var result = await PeerRun.RunAsync(LibmodbusProgram.Find("libmodbus_values"), "set", Text(value), integer.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        (string Name, WordOrder Swapped)[] orders = [("abcd", WordOrder.BADC), ("badc", WordOrder.ABCD), ("cdab", WordOrder.DCBA), ("dcba", WordOrder.CDAB)];

        foreach (var (name, swapped) in orders)
        {
            Assert.Equal("float " + name + " " + Hex(r => RegisterValues.WriteSingle(value, r, swapped)), result.Line("float " + name));
        }

        Assert.Equal("int32 " + Hex(r => RegisterValues.WriteInt32(integer, r, WordOrder.ABCD)), result.Line("int32 "));
    }

    private static string Text(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Hex(Action<ushort[]> write)
    {
        ushort[] registers = new ushort[2];
        write(registers);
        return $"{registers[0]:X4} {registers[1]:X4}";
    }
}
