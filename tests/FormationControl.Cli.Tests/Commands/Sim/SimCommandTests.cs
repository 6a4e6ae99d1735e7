using System.Globalization;
using System.IO.Ports;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Cli.Tests.Commands.Sim;

public sealed class SimCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Serves_several_units_on_one_tcp_port_and_writes_the_ground_truth_until_stopped()
    {
        string truth = Path.Combine(Directory.CreateTempSubdirectory("fc-sim-").FullName, "truth.json");
        await using var sim = SimRun.Start("--tcp", "127.0.0.1:0", "--units", "3", "--channels", "8", "--seed", "7", "--truth", truth, "--noise", "off");
        string first = await sim.LineAsync(0);
        Assert.Matches(@"^tcp 127\.0\.0\.1:\d+ units 1-3$", first);
        int port = int.Parse(first.Split(' ')[1].Split(':')[1], CultureInfo.InvariantCulture);
        Assert.StartsWith("truth ", await sim.LineAsync(1));
        Assert.StartsWith("simulating 3 x 8 channels, NMC/graphite 100 Ah, seed 7", await sim.LineAsync(2));

        await using (var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", port).WaitAsync(Limit))
        {
            Assert.Equal([0x4643, 1, 8], await master.ReadInputRegistersAsync(3, 0, 3).WaitAsync(Limit));
            var ambient = await master.ReadInputRegistersAsync(1, 5, 1).WaitAsync(Limit);
            Assert.Equal(250, ambient[0]);
        }

        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(truth)))
        {
            var cells = doc.RootElement.GetProperty("cells").EnumerateArray().ToList();
            Assert.Equal(24, cells.Count);
            Assert.Equal(7, doc.RootElement.GetProperty("seed").GetInt32());
            Assert.InRange(cells[0].GetProperty("capacityAh").GetDouble(), 95, 106);
        }

        Assert.Equal(0, await sim.StopAsync());
        Assert.EndsWith("stopped" + Environment.NewLine, sim.Output);
    }

    [Fact]
    public async Task One_port_per_unit_gives_each_unit_its_own_endpoint()
    {
        await using var sim = SimRun.Start("--tcp", "127.0.0.1:0", "--port-per-unit", "--units", "2", "--channels", "2");
        var lines = new[] { await sim.LineAsync(0), await sim.LineAsync(1) };
        for (int u = 0; u < 2; u++)
        {
            Assert.Matches($@"^tcp 127\.0\.0\.1:\d+ unit {u + 1}$", lines[u]);
            int port = int.Parse(lines[u].Split(' ')[1].Split(':')[1], CultureInfo.InvariantCulture);
            await using var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", port).WaitAsync(Limit);
            Assert.Equal([0x4643, 1, 2], await master.ReadInputRegistersAsync((byte)(u + 1), 0, 3).WaitAsync(Limit));
        }
    }

    [Fact]
    public async Task Runs_faster_than_real_time_at_a_speed_factor()
    {
        await using var sim = SimRun.Start("--tcp", "127.0.0.1:0", "--channels", "1", "--speed", "1000");
        int port = int.Parse((await sim.LineAsync(0)).Split(' ')[1].Split(':')[1], CultureInfo.InvariantCulture);
        await using var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", port).WaitAsync(Limit);
        // The device read its clock somewhere between sending and receiving each request: bracket both reads, so that a
        // slow answer (a loaded machine, a cold simulator) widens the bounds instead of failing the test.
        var clock = TimeProvider.System;
        long firstSent = clock.GetTimestamp();
        double first = DeviceSeconds(await master.ReadInputRegistersAsync(1, 3, 2).WaitAsync(Limit));
        long firstReceived = clock.GetTimestamp();
        double second = first;
        long lastSent = firstReceived, lastReceived = firstReceived;
        for (int i = 0; i < 100 && second < first + 5; i++)
        {
            lastSent = clock.GetTimestamp();
            second = DeviceSeconds(await master.ReadInputRegistersAsync(1, 3, 2).WaitAsync(Limit));
            lastReceived = clock.GetTimestamp();
        }

        double atLeast = clock.GetElapsedTime(firstReceived, lastSent).TotalSeconds; // wall time surely between the two reads
        double atMost = clock.GetElapsedTime(firstSent, lastReceived).TotalSeconds;
        double advanced = second - first; // the clock register counts 0.01 s
        Assert.True(advanced >= (900 * atLeast) - 0.02 && advanced <= (1100 * atMost) + 0.02, $"device advanced {advanced} s between reads {atLeast} to {atMost} s of wall time apart");
    }

    [Fact]
    public async Task Injected_faults_drop_a_units_responses_while_the_others_answer()
    {
        await using var sim = SimRun.Start("--tcp", "127.0.0.1:0", "--units", "2", "--channels", "2", "--faults", "drop:unit=2");
        int port = int.Parse((await sim.LineAsync(0)).Split(' ')[1].Split(':')[1], CultureInfo.InvariantCulture);
        Assert.Contains("1 fault(s)", await sim.LineAsync(1), StringComparison.Ordinal);
        await using var master = await ModbusTcpMaster.ConnectAsync("127.0.0.1", port, new ModbusTcpMasterOptions { Timeout = TimeSpan.FromSeconds(1) }).WaitAsync(Limit);
        Assert.Equal([0x4643], await master.ReadInputRegistersAsync(1, 0, 1).WaitAsync(Limit));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => master.ReadInputRegistersAsync(2, 0, 1).WaitAsync(Limit));
    }

    [Fact]
    public async Task Serves_rtu_and_the_meter_on_serial_lines()
    {
        await using var modbusLine = await SocatPair.StartAsync();
        await using var meterLine = await SocatPair.StartAsync();
        await using var sim = SimRun.Start("--rtu", modbusLine.PortA, "--baud", "115200", "--units", "2", "--channels", "3", "--meter", meterLine.PortA, "--chemistry", "lfp");
        Assert.Equal($"rtu {modbusLine.PortA} 115200 baud 8E1 units 1-2", await sim.LineAsync(0));
        Assert.Equal($"meter {meterLine.PortA} 9600 baud 8N1 channels 1-6", await sim.LineAsync(1));
        Assert.Contains("LFP/graphite 280 Ah", await sim.LineAsync(2), StringComparison.Ordinal);

        await using (var master = ModbusRtuMaster.Open(modbusLine.PortB, new SerialLineSettings(115200, Parity.Even), new ModbusRtuMasterOptions { Timeout = TimeSpan.FromSeconds(2) }))
        {
            Assert.Equal([0x4643, 1, 3], await master.ReadInputRegistersAsync(2, 0, 3).WaitAsync(Limit));
        }

        using var meter = new SerialPort(meterLine.PortB) { BaudRate = 9600, Parity = Parity.None, DataBits = 8, StopBits = StopBits.One, Handshake = Handshake.None };
        meter.Open();
        try
        {
            Assert.Equal("FormationControl,SIM-OCVIR-1,000001,1.0", await AskAsync(meter, "*IDN?"));
            await meter.BaseStream.WriteAsync(Encoding.ASCII.GetBytes("ROUT:CLOS (@6)\r\n")).AsTask().WaitAsync(Limit);
            string reading = await AskAsync(meter, "READ?");
            double r = double.Parse(reading.Split(',')[0], CultureInfo.InvariantCulture);
            double v = double.Parse(reading.Split(',')[1], CultureInfo.InvariantCulture);

            // A 280 Ah LFP cell: R0 ≈ 0.45 mΩ × 100/280, fresh at 0 % SOC, so R rises 1.3× and V sits at the bottom of the table.
            Assert.InRange(r, 0.1e-3, 0.35e-3);
            Assert.InRange(v, 1.9, 2.2);
        }
        finally
        {
            await Task.Run(meter.Dispose).WaitAsync(Limit);
        }
    }

    [Theory]
    [InlineData(new[] { "--units", "2" }, "give --tcp HOST:PORT and/or --rtu DEVICE")]
    [InlineData(new[] { "--tcp", "nowhere" }, "--tcp 'nowhere': expected HOST:PORT")]
    [InlineData(new[] { "--tcp", "127.0.0.1:0", "--channels", "300" }, "--channels 300: from 1 to 256")]
    [InlineData(new[] { "--tcp", "127.0.0.1:0", "--chemistry", "nca" }, "--chemistry 'nca': use nmc or lfp")]
    [InlineData(new[] { "--tcp", "127.0.0.1:0", "--faults", "heat:unit=1,ch=0" }, "--faults: fault 1 'heat:unit=1,ch=0': missing 'w'")]
    [InlineData(new[] { "--tcp", "127.0.0.1:0", "--faults", "trip:unit=5,ch=0" }, "unit 5, which this simulation does not have")]
    [InlineData(new[] { "--tcp", "127.0.0.1:0", "--defects", "dead=5" }, "--defects: defect rates: 'dead=5'")]
    [InlineData(new[] { "--tcp", "127.0.0.1:0", "--speed", "0" }, "--speed 0: a positive factor")]
    public async Task Bad_options_are_usage_errors_naming_the_option(string[] args, string expected)
    {
        var (code, _, error) = await SimRun.RunAsync(args);
        Assert.Equal(ExitCodes.UsageOrValidation, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_or_a_missing_device_is_a_device_failure()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        int port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var (code, _, error) = await SimRun.RunAsync("--tcp", $"127.0.0.1:{port}");
        Assert.Equal(ExitCodes.DeviceOrIo, code);
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);

        (code, _, error) = await SimRun.RunAsync("--rtu", "/nonexistent/ttyX");
        Assert.Equal(ExitCodes.DeviceOrIo, code);
        Assert.Contains("/nonexistent/ttyX", error, StringComparison.Ordinal);
    }

    private static double DeviceSeconds(ushort[] registers) => ((registers[0] << 16) | registers[1]) * 0.01;

    private static async Task<string> AskAsync(SerialPort port, string command)
    {
        await port.BaseStream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n")).AsTask().WaitAsync(Limit);
        var text = new StringBuilder();
        byte[] buffer = new byte[128];
        while (!text.ToString().EndsWith("\r\n", StringComparison.Ordinal))
        {
            int n = await port.BaseStream.ReadAsync(buffer).AsTask().WaitAsync(Limit);
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return text.ToString()[..^2];
    }
}
