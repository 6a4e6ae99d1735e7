using System.Diagnostics;
using System.Globalization;
using FormationControl.Core.Time;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;

namespace FormationControl.SimBench;

/// <summary>
/// Simulated channel-seconds per wall-second and per CPU-second: 1,024 channels (4 units of 256) with the full cell
/// model (two RC pairs, leakage, Arrhenius and SOC-dependent resistance, thermal model, noisy 16-bit converters) run a
/// 24-hour formation in virtual time, polled every 5 s through their registers.
/// Usage: fc-sim-bench [--channels N] [--hours H] [--poll S] [--threads T]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int channels = Get(args, "--channels", 1024);
        double hours = Get(args, "--hours", 24.0);
        double pollS = Get(args, "--poll", 5.0);
        int threads = Get(args, "--threads", 1);
        const int perUnit = 256;

        var map = RegisterMapLoader.Load(Path.Combine(AppContext.BaseDirectory, "sim-cycler-v1.json"));
        var clock = new VirtualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var population = new CellPopulation(channels, 100, seed: 1);
        var options = SimulatedUnitOptions.Default with { Measurement = MeasurementOptions.Realistic with { Seed = 1 } };
        var pollers = new List<RegisterPoller>();
        for (int first = 0, u = 1; first < channels; first += perUnit, u++)
        {
            int n = Math.Min(perUnit, channels - first);
            var unit = new SimulatedCyclerUnit(map, (byte)u, population.Slice(first, n), clock, options);
            pollers.Add(new RegisterPoller(unit, (byte)u, map, n));
        }

        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        long wallStart = Stopwatch.GetTimestamp();
        int gcStart = GC.CollectionCount(0);
        long allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        long polls = (long)Math.Ceiling(hours * 3600 / pollS);
        for (long p = 0; p < polls; p++)
        {
            if (threads > 1)
            {
                Parallel.ForEach(pollers, parallel, poller => poller.Poll());
            }
            else
            {
                foreach (var poller in pollers)
                {
                    poller.Poll();
                }
            }

            clock.Advance(TimeSpan.FromSeconds(pollS));
        }

        double wall = Stopwatch.GetElapsedTime(wallStart).TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        double channelSeconds = channels * polls * pollS;
        long requests = pollers.Sum(x => x.Requests);
        long steps = pollers.Sum(x => x.StepsStarted);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"channels {channels}, virtual time {polls * pollS / 3600:0.##} h, poll every {pollS} s, threads {threads}"));
        Console.WriteLine(string.Create(c, $"requests {requests:N0}, steps started {steps:N0}, gen0 collections {GC.CollectionCount(0) - gcStart}, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedStart) / 1e6:0.#} MB"));
        Console.WriteLine(string.Create(c, $"wall {wall:0.00} s, cpu {cpu:0.00} s"));
        Console.WriteLine(string.Create(c, $"simulated channel-seconds per wall-second: {channelSeconds / wall:0.000e+0}"));
        Console.WriteLine(string.Create(c, $"simulated channel-seconds per cpu-second (per core): {channelSeconds / cpu:0.000e+0}"));
        Console.WriteLine(string.Create(c, $"cpu for a 24 h formation of 1,024 cells: {cpu * (86_400.0 * 1024) / channelSeconds:0.00} s"));
        return 0;
    }

    private static T Get<T>(string[] args, string name, T fallback)
        where T : IParsable<T>
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? T.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
