using System.CommandLine;
using FormationControl.Cli.Demo;
using FormationControl.Cli.DryRun;
using FormationControl.Core.Profiles;

namespace FormationControl.Cli.Commands.Profile;

/// <summary>
/// <c>fc profile simulate FILE [--cell nmc|lfp] [--plot OUT.png]</c>: a dry run on the simulator's cell
/// model, through the real controller, driver and Modbus path, in virtual time.
/// </summary>
public static class ProfileSimulateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The profile JSON file." };
        var cell = new Option<string?>("--cell") { Description = "Cell model: nmc or lfp (default: the profile's chemistry)." };
        var plot = new Option<string?>("--plot") { Description = "Write voltage and current over time to this PNG." };
        var poll = new Option<double>("--poll") { Description = "Virtual seconds between polls (device cut-offs are exact regardless).", DefaultValueFactory = _ => 2 };
        var command = new Command("simulate", "Dry-run a profile on one simulated cell: per-step duration, Ah, Wh, end reason.") { file, cell, plot, poll };
        command.SetAction(async (result, ct) =>
        {
            string path = result.GetValue(file)!;
            var loaded = ProfileLoader.LoadFile(path);
            if (!loaded.Succeeded)
            {
                foreach (var d in loaded.Diagnostics)
                {
                    await System.Console.Error.WriteLineAsync(d.ToString()).ConfigureAwait(false);
                }

                return ExitCodes.UsageOrValidation;
            }

            var profile = loaded.Profile;
            string chemistry = result.GetValue(cell) ?? profile.Cell.Chemistry;
            if (chemistry.ToUpperInvariant() is not ("NMC" or "LFP"))
            {
                await System.Console.Error.WriteLineAsync($"fc: no cell model for chemistry '{chemistry}': use --cell nmc or --cell lfp").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            if (result.GetValue(poll) is <= 0 or > 600)
            {
                await System.Console.Error.WriteLineAsync("fc: --poll must be between 0 and 600 seconds").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            var run = await ProfileDryRun.RunAsync(profile, DemoInputs.LoadMap(null), chemistry, TimeSpan.FromSeconds(result.GetValue(poll)), ct).ConfigureAwait(false);
            DryRunText.Write(profile, chemistry, run, System.Console.Out);
            if (result.GetValue(plot) is { } png)
            {
                CurvePlot.SavePng(run.Samples, $"{profile.Name} {profile.Version} on a simulated {chemistry.ToUpperInvariant()} cell", png);
                System.Console.WriteLine($"plot: {Path.GetFullPath(png)}");
            }

            return run.Status == "Completed" ? ExitCodes.Success : ExitCodes.UsageOrValidation;
        });
        return command;
    }
}
