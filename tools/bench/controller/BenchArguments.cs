using System.Globalization;

namespace FormationControl.ControllerBench;

/// <summary>The harness's command line.</summary>
internal sealed record BenchArguments
{
    public const string Usage =
        "usage: fc-controller-bench --fc PATH/fc.dll [--scenario UxC@POLL]... [--duration S] [--warmup S] [--profile FILE]\n"
        + "                           [--port-per-unit] [--fast-path-us N] [--curve-hours H] [--json]\n"
        + "  defaults: --scenario 16x64@1s --scenario 4x64@100ms --duration 60 --warmup 10 --profile bench-cycling.json --curve-hours 24";

    public required string FcDll { get; init; }

    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    /// <summary>Length of the measured window, after the warm-up.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Polling before the measured window (JIT, connection set-up, the batch start).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    public required string ProfileFile { get; init; }

    public bool PortPerUnit { get; init; }

    /// <summary>Length of the synthetic one-second curve whose read time is measured too; 0 for none.</summary>
    public double CurveHours { get; init; } = 24;

    public bool Json { get; init; }

    /// <summary>The masters' <c>FastPathWait</c> in microseconds; null keeps the master's default (1 ms).</summary>
    public int? FastPathMicroseconds { get; init; }

    public static bool TryParse(string[] args, out BenchArguments parsed, out string error)
    {
        parsed = null!;
        error = "";
        string? fc = null;
        string profile = Path.Combine(AppContext.BaseDirectory, "bench-cycling.json");
        var scenarios = new List<Scenario>();
        double duration = 60, warmup = 10, curveHours = 24;
        bool perUnit = false, json = false;
        int? fastPath = null;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--port-per-unit" or "--json")
            {
                perUnit |= name == "--port-per-unit";
                json |= name == "--json";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name}: missing value\n{Usage}";
                return false;
            }

            string value = args[++i];
            switch (name)
            {
                case "--fc":
                    fc = value;
                    break;
                case "--fast-path-us":
                    if (!int.TryParse(value, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out int us) || us > 10_000)
                    {
                        error = $"--fast-path-us '{value}': microseconds from 0 to 10000";
                        return false;
                    }

                    fastPath = us;
                    break;
                case "--profile":
                    profile = value;
                    break;
                case "--scenario":
                    if (!Scenario.TryParse(value, out var scenario, out error))
                    {
                        return false;
                    }

                    scenarios.Add(scenario);
                    break;
                case "--duration" or "--warmup" or "--curve-hours":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds >= 0) || !double.IsFinite(seconds))
                    {
                        error = $"{name} '{value}': a number of {(name == "--curve-hours" ? "hours" : "seconds")}, 0 or more";
                        return false;
                    }

                    _ = name switch
                    {
                        "--duration" => duration = seconds,
                        "--warmup" => warmup = seconds,
                        _ => curveHours = seconds,
                    };
                    break;
                default:
                    error = $"unknown option '{name}'\n{Usage}";
                    return false;
            }
        }

        if (fc is null || !File.Exists(fc))
        {
            error = fc is null ? $"--fc is required (the fc.dll the simulator runs from)\n{Usage}" : $"--fc '{fc}': no such file";
            return false;
        }

        if (!File.Exists(profile))
        {
            error = $"--profile '{profile}': no such file";
            return false;
        }

        if (duration <= 0)
        {
            error = "--duration: more than 0 seconds";
            return false;
        }

        if (scenarios.Count == 0)
        {
            scenarios.Add(new Scenario(16, 64, TimeSpan.FromSeconds(1)));
            scenarios.Add(new Scenario(4, 64, TimeSpan.FromMilliseconds(100)));
        }

        parsed = new BenchArguments
        {
            FcDll = Path.GetFullPath(fc),
            Scenarios = scenarios,
            Duration = TimeSpan.FromSeconds(duration),
            Warmup = TimeSpan.FromSeconds(warmup),
            ProfileFile = profile,
            PortPerUnit = perUnit,
            CurveHours = curveHours,
            Json = json,
            FastPathMicroseconds = fastPath,
        };
        return true;
    }
}
