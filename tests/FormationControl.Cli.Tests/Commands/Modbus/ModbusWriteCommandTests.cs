using FormationControl.Cli.Commands.Modbus;
using FormationControl.Cli.Tests.Support;
using FormationControl.Modbus.Data;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Cli.Tests.Commands.Modbus;

public class ModbusWriteCommandTests
{
    [Fact]
    public async Task Writes_several_registers_in_one_request()
    {
        await using var slave = new TestSlave();
        var (code, stdout, stderr) = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--unit", "1", "--address", "10", "--values", "1234,5678,9");

        Assert.True(code == 0, stderr);
        Assert.Contains("wrote 3 register(s) from 10", stdout);
        var read = new ushort[3];
        Assert.Null(slave.Bank.ReadRegisters(1, ModbusTable.HoldingRegisters, 10, read));
        Assert.Equal([1234, 5678, 9], read);
    }

    [Fact]
    public async Task Writes_a_single_register()
    {
        await using var slave = new TestSlave();
        var (code, _, _) = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--address", "0", "--values", "65535");

        Assert.Equal(0, code);
        var read = new ushort[1];
        slave.Bank.ReadRegisters(1, ModbusTable.HoldingRegisters, 0, read);
        Assert.Equal(65535, read[0]);
    }

    [Fact]
    public async Task Writing_past_the_bank_exits_2()
    {
        await using var slave = new TestSlave(size: 20);
        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--address", "19", "--values", "1,2");
        Assert.Equal(2, code);
        Assert.Contains("IllegalDataAddress", stderr);
    }

    [Fact]
    public async Task Writes_one_coil_with_function_5_and_several_with_15()
    {
        await using var slave = new TestSlave();

        var one = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--table", "coils", "--address", "3", "--values", "1");
        var several = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--table", "coils", "--address", "10", "--values", "1,0,on,true,off");

        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Contains("wrote 1 coil(s) from 3 with function 5", one.Stdout);
        Assert.True(several.ExitCode == 0, several.Stderr);
        Assert.Contains("wrote 5 coil(s) from 10 with function 15", several.Stdout);
        Assert.True(slave.Bank.GetBit(1, ModbusTable.Coils, 3));
        Assert.Equal(new[] { true, false, true, true, false }, Enumerable.Range(10, 5).Select(a => slave.Bank.GetBit(1, ModbusTable.Coils, (ushort)a)));
    }

    [Theory]
    [InlineData("f32", "CDAB", "-1.5,2.25")]
    [InlineData("i32", "DCBA", "-100000,7")]
    [InlineData("u32", "BADC", "4000000000,1")]
    [InlineData("i16", "ABCD", "-2,-32768")]
    public async Task Writes_typed_values_in_the_word_order_asked_for(string type, string order, string values)
    {
        await using var slave = new TestSlave();

        var (code, stdout, stderr) = await FcProcess.RunAsync("modbus", "write", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--address", "40", "--values", values, "--type", type, "--word-order", order);
        var (readCode, readBack, _) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--address", "40", "--count", "2", "--type", type, "--word-order", order, "--json");

        Assert.True(code == 0, stderr);
        Assert.Contains("with function 16", stdout);
        Assert.Equal(0, readCode);
        Assert.Equal($"{{\"values\":[{values}]}}\n", readBack);
        if (type == "f32")
        {
            ushort[] registers = [slave.Bank.GetRegister(1, ModbusTable.HoldingRegisters, 40), slave.Bank.GetRegister(1, ModbusTable.HoldingRegisters, 41)];
            Assert.Equal(-1.5f, RegisterValues.ReadSingle(registers, WordOrder.CDAB));
        }
    }

    [Fact]
    public async Task Fc_16_forces_a_multiple_write_of_one_register()
    {
        var (code, stdout, stderr, pdu) = await CaptureWriteAsync("--address", "9", "--values", "513", "--fc", "16");

        Assert.True(code == 0, stderr);
        Assert.Contains("with function 16", stdout);
        Assert.Equal("1000090001020201", pdu);
    }

    [Fact]
    public async Task Fc_15_forces_a_multiple_write_of_one_coil()
    {
        var (code, _, stderr, pdu) = await CaptureWriteAsync("--table", "coils", "--address", "2", "--values", "1", "--fc", "15");

        Assert.True(code == 0, stderr);
        Assert.Equal("0F000200010101", pdu);
    }

    [Fact]
    public async Task Writes_over_RTU_and_broadcasts_to_unit_0()
    {
        await using var slave = await RtuTestSlave.StartAsync(unit: 2);
        string[] line = ["--rtu", slave.Device, "--baud", "115200", "--parity", "none"];

        var direct = await FcProcess.RunAsync(["modbus", "write", .. line, "--unit", "2", "--address", "5", "--values", "11,12", "--timeout", TestSlave.PatientTimeoutMs]);
        var broadcast = await FcProcess.RunAsync(["modbus", "write", .. line, "--unit", "0", "--address", "7", "--values", "77"]);

        // A broadcast is never answered, so fc is done once it is sent; the slave takes frames in order, so once a
        // read after it is answered the broadcast has been carried out.
        var after = await FcProcess.RunAsync(["modbus", "read", .. line, "--unit", "2", "--address", "7", "--json", "--timeout", TestSlave.PatientTimeoutMs]);

        Assert.True(direct.ExitCode == 0, direct.Stderr);
        Assert.True(broadcast.ExitCode == 0, broadcast.Stderr);
        Assert.Equal("{\"values\":[77]}\n", after.Stdout);
        Assert.Equal(11, slave.Bank.GetRegister(2, ModbusTable.HoldingRegisters, 5));
        Assert.Equal(12, slave.Bank.GetRegister(2, ModbusTable.HoldingRegisters, 6));
        Assert.Equal(77, slave.Bank.GetRegister(2, ModbusTable.HoldingRegisters, 7));
    }

    [Theory]
    [InlineData("--fc 6 writes one register", "--values", "1.5", "--type", "f32", "--fc", "6")]
    [InlineData("--fc 5 does not write holding registers", "--values", "1", "--fc", "5")]
    [InlineData("--fc 5 writes one coil", "--values", "1,0", "--table", "coils", "--fc", "5")]
    [InlineData("--fc 16 does not write coils", "--values", "1", "--table", "coils", "--fc", "16")]
    [InlineData("'2' (value 1) is not a coil value", "--values", "2", "--table", "coils")]
    [InlineData("--type applies to holding registers", "--values", "1", "--table", "coils", "--type", "u32")]
    [InlineData("'1.5' (value 1) is not a number from -2147483648", "--values", "1.5", "--type", "i32")]
    public async Task Inconsistent_writes_are_refused_with_exit_1_and_a_reason(string reason, params string[] options)
    {
        var (code, _, stderr) = await FcProcess.RunAsync(["modbus", "write", "--tcp", "127.0.0.1:1", "--address", "0", .. options]);

        Assert.Equal(1, code);
        Assert.Contains(reason, stderr);
    }

    [Fact]
    public async Task More_registers_than_one_write_carries_are_refused()
    {
        string values = string.Join(',', Enumerable.Repeat("1", 62));

        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "write", "--tcp", "127.0.0.1:1", "--address", "0", "--values", values, "--type", "u32");

        Assert.Equal(1, code);
        Assert.Contains("at most 123 registers", stderr);
    }

    [Theory]
    [InlineData("1,x,3", "'x' (value 2)")]
    [InlineData("70000", "'70000' (value 1)")]
    [InlineData(" , ", "no values")]
    public void Bad_values_are_named(string text, string expected)
    {
        Assert.False(ModbusWriteCommand.TryParseValues(text, out _, out string error));
        Assert.Contains(expected, error);
    }

    /// <summary>Runs fc write against a bare listener that records the request PDU and echoes it as a write answer.</summary>
    private static async Task<(int Code, string Stdout, string Stderr, string Pdu)> CaptureWriteAsync(params string[] options)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        Task<(int, string, string)> fc = FcProcess.RunAsync(["modbus", "write", "--tcp", $"127.0.0.1:{port}", .. options]);
        using var client = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var stream = client.GetStream();
        byte[] header = new byte[7];
        await stream.ReadExactlyAsync(header).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        byte[] pdu = new byte[((header[4] << 8) | header[5]) - 1];
        await stream.ReadExactlyAsync(pdu).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        byte[] answer = [.. header[..4], 0, 6, header[6], .. pdu[..5]];
        await stream.WriteAsync(answer);
        var (code, stdout, stderr) = await fc.WaitAsync(TimeSpan.FromSeconds(60));
        return (code, stdout, stderr, Convert.ToHexString(pdu));
    }
}
