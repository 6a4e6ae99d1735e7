namespace FormationControl.Storage.Tests;

/// <summary>
/// A realistic logged formation of a 100 Ah NMC cell: rest, C/20 and C/10 charge, rest, C/10
/// discharge; 10 hours logged every 30 s (1200 samples), with meter noise, poll jitter and self-heating.
/// </summary>
internal static class FormationSeries
{
    // SOC -> OCV of an NMC/graphite cell (domain primer, section 5).
    private static readonly (double Soc, double Ocv)[] OcvTable =
    [
        (0.00, 3.200), (0.05, 3.447), (0.10, 3.494), (0.20, 3.575), (0.30, 3.625), (0.40, 3.655),
        (0.50, 3.697), (0.60, 3.768), (0.70, 3.854), (0.80, 3.937), (0.90, 4.046), (0.95, 4.104), (1.00, 4.187),
    ];

    private static readonly (double CurrentA, TimeSpan Duration)[] Steps =
    [
        (0.0, TimeSpan.FromMinutes(10)),
        (5.0, TimeSpan.FromHours(3)),
        (10.0, TimeSpan.FromHours(4)),
        (0.0, TimeSpan.FromMinutes(30)),
        (-10.0, TimeSpan.FromMinutes(140)),
    ];

    public static List<SampleRecord> TenHours(long runId, int seed, DateTimeOffset start, double periodS = 30)
    {
        var random = new Random(seed);
        var samples = new List<SampleRecord>();
        var soc = 0.02;
        var temperature = 25.0 + random.NextDouble();
        var elapsed = 0.0;
        for (var step = 0; step < Steps.Length; step++)
        {
            var (setpoint, duration) = Steps[step];
            double stepTime = 0, ah = 0, wh = 0;
            while (stepTime + periodS <= duration.TotalSeconds + 1e-9)
            {
                // Polls jitter by tens of milliseconds; the device's own step clock is steadier.
                var jitter = Gaussian(random, 0.02);
                var dt = periodS;
                stepTime += dt;
                elapsed += dt;
                var current = setpoint == 0 ? Gaussian(random, 0.0002) : setpoint * (1 + Gaussian(random, 0.0005));
                soc += current * dt / 3600 / 100;
                var voltage = Ocv(soc) + (current * 0.0015) + Gaussian(random, 0.0003);
                temperature += ((25 + (Math.Abs(current) * 0.4) - temperature) * dt / 3600) + Gaussian(random, 0.03);
                ah += current * dt / 3600;
                wh += voltage * current * dt / 3600;
                var time = start.AddSeconds(elapsed + jitter);
                samples.Add(new SampleRecord(runId, step, time, stepTime + Gaussian(random, 0.002), voltage, current, temperature, ah, wh));
            }
        }

        return samples;
    }

    private static double Ocv(double soc)
    {
        soc = Math.Clamp(soc, 0, 1);
        for (var i = 1; i < OcvTable.Length; i++)
        {
            if (soc <= OcvTable[i].Soc)
            {
                var (s0, v0) = OcvTable[i - 1];
                var (s1, v1) = OcvTable[i];
                return v0 + ((v1 - v0) * (soc - s0) / (s1 - s0));
            }
        }

        return OcvTable[^1].Ocv;
    }

    private static double Gaussian(Random random, double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
