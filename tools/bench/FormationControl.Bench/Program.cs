using System.Diagnostics;
using System.Globalization;
using System.IO.Ports;
using System.Net;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;

namespace FormationControl.Bench;

/// <summary>
/// The .NET side of tools/bench/modbus.sh: our master reading 125 holding registers in a loop (TCP or RTU), or our
/// TCP slave for a libmodbus client to measure. Prints one line the script parses:
/// "NAME N: R requests/s, cpu C us/request" (CPU time of the whole process, all threads, during the loop).
/// </summary>
public static class Program
{
    // Enough for tiered compilation to finish before the clock starts (libmodbus has no JIT to warm up).
    private const int Warmup = 20000;

    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["tcp-master", string host, string port, string count, .. var rest]:
                var tcpOptions = new ModbusTcpMasterOptions { Timeout = TimeSpan.FromSeconds(5) };
                if (rest is [string fast])
                {
                    tcpOptions.FastPathWait = TimeSpan.FromMicroseconds(int.Parse(fast, CultureInfo.InvariantCulture));
                }

                await using (var master = await ModbusTcpMaster.ConnectAsync(host, int.Parse(port, CultureInfo.InvariantCulture), tcpOptions))
                {
                    return await MeasureAsync("ours tcp-master", master, 1, int.Parse(count, CultureInfo.InvariantCulture), Warmup);
                }

            case ["tcp-slave"]:
                var bank = new RegisterBank(10000, [1]);
                await using (var slave = new ModbusTcpSlave(bank))
                {
                    IPEndPoint bound = slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
                    Console.WriteLine($"LISTENING {bound.Port}");

                    // Serves until its input closes (the script holds it open) or it is killed.
                    await Console.In.ReadToEndAsync();
                    return 0;
                }

            case ["rtu-master", string device, string baud, string parity, string stop, string unit, string count, string gap]:
                var settings = new SerialLineSettings(
                    int.Parse(baud, CultureInfo.InvariantCulture),
                    parity switch { "N" => Parity.None, "O" => Parity.Odd, _ => Parity.Even },
                    stop == "2" ? StopBits.Two : StopBits.One);
                var rtuOptions = new ModbusRtuMasterOptions
                {
                    Timeout = TimeSpan.FromSeconds(5),
                    InterFrameDelay = gap == "spec" ? null : TimeSpan.FromMilliseconds(double.Parse(gap, CultureInfo.InvariantCulture)),
                };
                await using (var master = ModbusRtuMaster.Open(device, settings, rtuOptions))
                {
                    string name = gap == "spec" ? "ours rtu-master (spec gap)" : "ours rtu-master";
                    return await MeasureAsync(name, master, byte.Parse(unit, CultureInfo.InvariantCulture), int.Parse(count, CultureInfo.InvariantCulture), 200);
                }

            default:
                await Console.Error.WriteLineAsync(
                    "usage: fc-bench tcp-master HOST PORT N | tcp-slave | rtu-master DEVICE BAUD N|E|O 1|2 UNIT N GAP_MS|spec");
                return 1;
        }
    }

    private static async Task<int> MeasureAsync(string name, IModbusMaster master, byte unit, int count, int warmup)
    {
        ushort[] registers = new ushort[125];
        for (int i = 0; i < warmup; i++)
        {
            await master.ReadHoldingRegistersAsync(unit, 0, registers);
        }

        using var process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            await master.ReadHoldingRegistersAsync(unit, 0, registers);
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        double cpuPerRequest = (process.TotalProcessorTime - cpu).TotalMicroseconds / count;
        Console.WriteLine(FormattableString.Invariant($"{name} {count}: {count / seconds:0} requests/s, cpu {cpuPerRequest:0.0} us/request"));
        return 0;
    }
}
