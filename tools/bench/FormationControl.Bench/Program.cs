using System.Diagnostics;
using System.Net;
using System.IO.Ports;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;

namespace FormationControl.Bench;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["tcp-master", string host, string port, string count]:
            {
                await using var master = await ModbusTcpMaster.ConnectAsync(host, int.Parse(port));
                ushort[] registers = new ushort[125];
                int n = int.Parse(count);
                for (int i = 0; i < 2000; i++) await master.ReadHoldingRegistersAsync(1, 0, registers);
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < n; i++) await master.ReadHoldingRegistersAsync(1, 0, registers);
                double s = Stopwatch.GetElapsedTime(start).TotalSeconds;
                Console.WriteLine($"ours tcp-master {n}: {n / s:0} requests/s");
                return 0;
            }
            case ["rtu-master", string device, string baud, string parity, string stop, string unit, string count, string gap]:
            {
                var settings = new SerialLineSettings(int.Parse(baud), parity switch { "N" => Parity.None, "O" => Parity.Odd, _ => Parity.Even }, stop == "2" ? StopBits.Two : StopBits.One);
                var options = new ModbusRtuMasterOptions { InterFrameDelay = gap == "spec" ? null : TimeSpan.FromMilliseconds(double.Parse(gap)) };
                await using var master = ModbusRtuMaster.Open(device, settings, options);
                ushort[] registers = new ushort[125];
                int n = int.Parse(count);
                byte u = byte.Parse(unit);
                for (int i = 0; i < 200; i++) await master.ReadHoldingRegistersAsync(u, 0, registers);
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < n; i++) await master.ReadHoldingRegistersAsync(u, 0, registers);
                double s = Stopwatch.GetElapsedTime(start).TotalSeconds;
                Console.WriteLine($"ours rtu-master {n}: {n / s:0} requests/s (discarded {master.DiscardedBytes}) {registers[124]}");
                return 0;
            }
            case ["tcp-slave"]:
            {
                var bank = new RegisterBank(10000, [1]);
                await using var slave = new ModbusTcpSlave(bank);
                var ep = slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
                Console.WriteLine($"LISTENING {ep.Port}");
                await Console.In.ReadLineAsync();
                return 0;
            }
            default:
                Console.Error.WriteLine("usage");
                return 1;
        }
    }
}
