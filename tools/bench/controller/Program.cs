using FormationControl.Core.Profiles;
using FormationControl.Devices.RegisterMaps;

namespace FormationControl.ControllerBench;

/// <summary>
/// Controller benchmark: Release build, real time, loopback Modbus TCP, simulated units in another process
/// (<c>fc sim</c>). Per scenario: poll-cycle latency, CPU, memory, samples into LiteDB, bytes per stored sample,
/// the time to read one cell's curve. Progress goes to stderr; the figures to stdout (a table, or JSON with --json).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!BenchArguments.TryParse(args, out var arguments, out string error))
        {
            await Console.Error.WriteLineAsync($"fc-controller-bench: {error}");
            return 1;
        }

        var loaded = ProfileLoader.LoadFile(arguments.ProfileFile);
        if (!loaded.Succeeded)
        {
            await Console.Error.WriteLineAsync($"fc-controller-bench: profile {arguments.ProfileFile}:\n{string.Join('\n', loaded.Diagnostics)}");
            return 1;
        }

        var map = RegisterMapLoader.Load(Path.Combine(AppContext.BaseDirectory, "sim-cycler-v1.json"));
        var time = TimeProvider.System;
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var date = time.GetUtcNow();
        var scenario = new ControllerScenario(arguments, loaded.Profile, map, time, Console.Error);
        var results = new List<ScenarioResult>();
        foreach (var setting in arguments.Scenarios)
        {
            results.Add(arguments.Scenarios.Count == 1
                ? await scenario.RunAsync(setting, stop.Token)
                : await ScenarioProcess.RunAsync(arguments, setting, stop.Token));
        }

        string machine = ResultReport.Machine();
        if (arguments.Json)
        {
            ResultReport.WriteJson(Console.Out, machine, date, results);
        }
        else
        {
            ResultReport.WriteTable(Console.Out, machine, date, results);
        }

        return 0;
    }
}
