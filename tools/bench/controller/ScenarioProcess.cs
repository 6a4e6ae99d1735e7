using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace FormationControl.ControllerBench;

/// <summary>
/// Runs one scenario in a fresh process of this harness (with --json) and reads its figures back, so the memory and
/// the JIT state of one scenario do not carry into the next.
/// </summary>
internal static class ScenarioProcess
{
    public static async Task<ScenarioResult> RunAsync(BenchArguments arguments, Scenario scenario, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        string[] args =
        [
            typeof(ScenarioProcess).Assembly.Location, "--fc", arguments.FcDll, "--profile", arguments.ProfileFile,
            "--scenario", scenario.Name, "--duration", Text(arguments.Duration.TotalSeconds), "--warmup", Text(arguments.Warmup.TotalSeconds),
            "--curve-hours", Text(arguments.CurveHours), "--json",
        ];
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (arguments.FastPathMicroseconds is { } us)
        {
            start.ArgumentList.Add("--fast-path-us");
            start.ArgumentList.Add(Text(us));
        }

        if (arguments.PortPerUnit)
        {
            start.ArgumentList.Add("--port-per-unit");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        string output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scenario {scenario.Name} failed (exit code {process.ExitCode}): {output}");
        }

        var report = JsonSerializer.Deserialize<JsonReport>(output, ResultReport.JsonOptions)
            ?? throw new InvalidDataException($"scenario {scenario.Name}: no figures in '{output}'");
        return report.Scenarios.Single();
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal sealed record JsonReport(string Machine, DateTimeOffset Date, IReadOnlyList<ScenarioResult> Scenarios);
}
