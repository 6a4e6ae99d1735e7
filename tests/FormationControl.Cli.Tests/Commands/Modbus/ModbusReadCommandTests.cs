using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FormationControl.Cli.Tests.Support;

namespace FormationControl.Cli.Tests.Commands.Modbus;

public class ModbusReadCommandTests
{
    [Fact]
    public async Task Reads_holding_registers_as_json()
    {
        await using var slave = new TestSlave();
        var (code, stdout, stderr) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--unit", "1", "--table", "holding", "--address", "5", "--count", "3", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal([5, 6, 7], json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public async Task Reads_input_registers_in_human_form()
    {
        await using var slave = new TestSlave();
        var (code, stdout, _) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--table", "input", "--address", "0", "--count", "2");

        Assert.Equal(0, code);
        Assert.Equal("[0]: 10000\n[1]: 10001\n", stdout);
    }

    [Fact]
    public async Task A_modbus_exception_exits_2_and_names_it()
    {
        await using var slave = new TestSlave(size: 100);
        var (code, _, stderr) = await FcProcess.RunAsync("modbus", "read", "--tcp", slave.Tcp, "--address", "99", "--count", "2");

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
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502")]
    [InlineData("modbus", "read", "--tcp", "no-port", "--address", "1")]
    [InlineData("modbus", "read", "--tcp", "127.0.0.1:502", "--address", "1", "--table", "bogus")]
    public async Task Usage_errors_exit_1(params string[] args)
    {
        var (code, _, _) = await FcProcess.RunAsync(args);
        Assert.Equal(1, code);
    }
}
