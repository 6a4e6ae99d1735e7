using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FormationControl.Cli.Tests.Support;
using FormationControl.Modbus.Data;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Cli.Tests.Commands.Modbus;

public class ModbusReadCommandTests
{
    [Fact]
    public async Task Reads_holding_registers_as_json()
    {
        await using var slave = new TestSlave();
        var (code, stdout, stderr) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--unit", "1", "--table", "holding", "--address", "5", "--count", "3", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal([5, 6, 7], json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public async Task Reads_input_registers_in_human_form()
    {
        await using var slave = new TestSlave();
        var (code, stdout, _) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--table", "input", "--address", "0", "--count", "2");

        Assert.Equal(0, code);
        Assert.Equal("[0]: 10000\n[1]: 10001\n", stdout);
    }

    [Fact]
    public async Task A_modbus_exception_exits_2_and_names_it()
    {
        await using var slave = new TestSlave(size: 100);
        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--address", "99", "--count", "2");

        Assert.Equal(2, code);
        Assert.Contains("IllegalDataAddress", stderr);
    }

    [Fact]
    public async Task A_unit_that_never_answers_times_out_with_exit_3()
    {
        await using var slave = new TestSlave(unit: 1);
        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--unit", "9", "--address", "0", "--timeout", "300");

        Assert.Equal(3, code);
        Assert.Contains("unit 9", stderr);
    }

    [Fact]
    public async Task A_refused_connection_exits_3()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nobody listens there now

        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "read", "--tcp", $"127.0.0.1:{port}", "--address", "0");

        Assert.Equal(3, code);
        Assert.Contains($"127.0.0.1:{port}", stderr);
    }

    [Theory]
    [InlineData("ABCD")]
    [InlineData("CDAB")]
    [InlineData("BADC")]
    [InlineData("DCBA")]
    public async Task Reads_floats_in_the_word_order_asked_for(string order)
    {
        await using var slave = new TestSlave();
        Set(slave, 20, -12.625f, Enum.Parse<WordOrder>(order));
        Set(slave, 22, 3.5e6f, Enum.Parse<WordOrder>(order));

        var (code, stdout, stderr) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--address", "20", "--count", "2", "--type", "f32", "--word-order", order);

        Assert.True(code == 0, stderr);
        Assert.Equal("[20]: -12.625\n[22]: 3500000\n", stdout);
    }

    [Fact]
    public async Task Reads_signed_and_32_bit_integers()
    {
        await using var slave = new TestSlave();
        slave.Bank.SetRegister(1, ModbusTable.InputRegisters, 5, 0xFFFE);
        slave.Bank.SetRegister(1, ModbusTable.HoldingRegisters, 6, 0x86A0); // 100000 = 0x000186A0, low word first (CDAB)
        slave.Bank.SetRegister(1, ModbusTable.HoldingRegisters, 7, 0x0001);
        slave.Bank.SetRegister(1, ModbusTable.HoldingRegisters, 8, 0xFFFF);
        slave.Bank.SetRegister(1, ModbusTable.HoldingRegisters, 9, 0xFFFF);

        var i16 = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--table", "input", "--address", "5", "--type", "i16");
        var u32 = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--address", "6", "--type", "u32", "--word-order", "CDAB", "--json");
        var i32 = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--address", "8", "--type", "i32");

        Assert.Equal("[5]: -2\n", i16.Stdout);
        Assert.Equal("{\"values\":[100000]}\n", u32.Stdout);
        Assert.Equal("[8]: -1\n", i32.Stdout);
    }

    [Fact]
    public async Task Reads_coils_and_discrete_inputs_as_0_and_1()
    {
        await using var slave = new TestSlave();
        slave.Bank.SetBit(1, ModbusTable.Coils, 3, true);
        slave.Bank.SetBit(1, ModbusTable.DiscreteInputs, 0, true);

        var coils = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--table", "coils", "--address", "2", "--count", "3");
        var discrete = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--timeout", TestSlave.PatientTimeoutMs, "--table", "discrete", "--address", "0", "--count", "2", "--json");

        Assert.Equal("[2]: 0\n[3]: 1\n[4]: 0\n", coils.Stdout);
        Assert.Equal("{\"values\":[1,0]}\n", discrete.Stdout);
    }

    [Fact]
    public async Task Reads_over_RTU_from_a_serial_device()
    {
        await using var slave = await RtuTestSlave.StartAsync(unit: 4);

        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "modbus", "read", "--rtu", slave.Device, "--baud", "115200", "--parity", "none", "--stop", "1", "--unit", "4", "--table", "input", "--address", "7", "--count", "2");

        Assert.True(code == 0, stderr);
        Assert.Equal("[7]: 10007\n[8]: 10008\n", stdout);
    }

    [Fact]
    public async Task An_RTU_unit_that_never_answers_times_out_with_exit_3()
    {
        await using var slave = await RtuTestSlave.StartAsync(unit: 4);

        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "read", "--rtu", slave.Device, "--baud", "115200", "--parity", "none", "--unit", "5", "--address", "0", "--timeout", "300");

        Assert.Equal(3, code);
        Assert.Contains("unit 5", stderr);
    }

    [Fact]
    public async Task A_serial_device_that_does_not_exist_exits_3_naming_it()
    {
        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "read", "--rtu", "/nonexistent/ttyFC", "--address", "0");

        Assert.Equal(3, code);
        Assert.Contains("/nonexistent/ttyFC", stderr);
    }

    [Theory]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502")]
    [InlineData("modbus", "read", "--tcp", "no-port", "--address", "1")]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502", "--address", "1", "--table", "bogus")]
    [InlineData("modbus", "read", "--address", "1")]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502", "--rtu", "/dev/null", "--address", "1")]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502", "--address", "1", "--table", "coils", "--type", "f32")]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502", "--address", "1", "--type", "f64")]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502", "--address", "1", "--word-order", "ACBD")]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502", "--address", "1", "--type", "f32", "--count", "63")]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502", "--address", "1", "--table", "coils", "--count", "2001")]
    [InlineData("modbus", "read", "--rtu", "/dev/null", "--address", "1", "--parity", "mark")]
    [InlineData("modbus", "read", "--rtu", "/dev/null", "--address", "1", "--stop", "3")]
    public async Task Usage_errors_exit_1(params string[] args)
    {
        var (code, _, _) = await FcProcess.RunAsync(args);
        Assert.Equal(1, code);
    }

    private static void Set(TestSlave slave, ushort address, float value, WordOrder order)
    {
        ushort[] registers = new ushort[2];
        RegisterValues.WriteSingle(value, registers, order);
        slave.Bank.SetRegister(1, ModbusTable.HoldingRegisters, address, registers[0]);
        slave.Bank.SetRegister(1, ModbusTable.HoldingRegisters, (ushort)(address + 1), registers[1]);
    }
}
