using System.CommandLine;
using System.Text.Json;
using FormationControl.Cli.Console;
using FormationControl.Cli.Demo;
using FormationControl.Devices.RegisterMaps;

namespace FormationControl.Cli.Commands;

/// <summary><c>fc demo</c>: forms and grades simulated cells end to end, in virtual time.</summary>
public static class DemoCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    public static Command Create()
    {
        var cells = new Option<int>("--cells") { Description = "Cells to form (one per channel, 64 channels per simulated unit).", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated cell population.", DefaultValueFactory = _ => 1 };
        var db = new Option<string?>("--db") { Description = "LiteDB file to record into (default: a fresh fc-demo.db here)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the human summary." };
        var profile = new Option<string?>("--profile") { Description = "Profile JSON to run (default: the embedded NMC 100 Ah formation)." };
        var recipe = new Option<string?>("--recipe") { Description = "Grading recipe JSON (default: the embedded capacity recipe)." };
        var poll = new Option<double>("--poll") { Description = "Virtual seconds between polls.", DefaultValueFactory = _ => 5 };
        var command = new Command("demo", "Form and grade simulated cells over loopback Modbus TCP in virtual time.")
        {
            cells, seed, db, json, profile, recipe, poll,
        };
        command.SetAction(async (result, ct) =>
        {
            int n = result.GetValue(cells);
            if (n is < 1 or > 65_536 || result.GetValue(poll) is <= 0 or > 3600)
            {
                await System.Console.Error.WriteLineAsync("fc: --cells must be 1..65536 and --poll 0..3600 seconds").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            var (p, profileErrors) = DemoInputs.LoadProfile(result.GetValue(profile));
            var (r, recipeErrors) = DemoInputs.LoadRecipe(result.GetValue(recipe));
            foreach (string line in profileErrors.Concat(recipeErrors))
            {
                await System.Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (p is null || r is null)
            {
                return ExitCodes.UsageOrValidation;
            }

            RegisterMap map;
            try
            {
                map = DemoInputs.LoadMap(null);
            }
            catch (RegisterMapException e)
            {
                await System.Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            string dbPath = result.GetValue(db) ?? FreshDefaultDb();
            bool asJson = result.GetValue(json);
            var output = asJson ? System.Console.Error : System.Console.Out;
            await output.WriteLineAsync($"FormationControl demo: {n} cells, seed {result.GetValue(seed)}, profile {p.Name} {p.Version} (sha256 {p.Hash[..12]}…), recipe {r.Name}").ConfigureAwait(false);
            var options = new DemoOptions(p, r, map, dbPath)
            {
                Cells = n,
                Seed = result.GetValue(seed),
                PollInterval = TimeSpan.FromSeconds(result.GetValue(poll)),
            };
            // On a terminal one line updates in place; in a log, a line every few simulated hours.
            bool live = !asJson && !System.Console.IsOutputRedirected;
            var progress = new SynchronousProgress<DemoProgress>(x =>
            {
                string line = $"  t = {x.SimulatedHours,5:0.0} h   running {x.Running,5}   finished {x.Finished,5} / {x.Cells}";
                if (live)
                {
                    output.Write("\r" + line);
                }
                else if ((int)x.SimulatedHours % 4 == 0)
                {
                    output.WriteLine(line);
                }
            });
            DemoResult summary;
            try
            {
                summary = await DemoRunner.RunAsync(options, progress, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException)
            {
                await System.Console.Error.WriteLineAsync($"fc: demo failed: {e.Message}").ConfigureAwait(false);
                return ExitCodes.DeviceOrIo;
            }

            if (asJson)
            {
                System.Console.WriteLine(JsonSerializer.Serialize(summary, Json));
            }
            else
            {
                DemoSummaryText.Write(summary, System.Console.Out);
            }

            return summary.Completed == summary.Cells ? ExitCodes.Success : ExitCodes.DeviceOrIo;
        });
        return command;
    }

    private static string FreshDefaultDb()
    {
        const string path = "fc-demo.db";
        File.Delete(path);
        File.Delete("fc-demo-log.db");
        return path;
    }
}
