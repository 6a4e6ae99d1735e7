using System.CommandLine;
using System.Text.Json;
using FormationControl.Cli.Console;
using FormationControl.Cli.Demo;
using FormationControl.Devices.Meter;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Commands;

/// <summary><c>fc demo</c>: forms, ages, grades and hands off simulated cells end to end, in virtual time.</summary>
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
        var recipe = new Option<string?>("--recipe") { Description = "Grading recipe JSON (default: the embedded nmc-100ah-ageing-robust recipe)." };
        var poll = new Option<double>("--poll") { Description = "Virtual seconds between polls.", DefaultValueFactory = _ => 5 };
        var defects = new Option<string>("--defects")
        {
            Description = "Defect rates of the population, name=rate,... (micro-short, high-resistance, dead, poor-contact), or 'none'.",
            DefaultValueFactory = _ => "micro-short=0.5%,high-resistance=0.5%,dead=0.1%,poor-contact=0.3%",
        };
        var storage = new Option<string?>("--storage-profile") { Description = "Profile run before ageing to set the ageing SOC (default: the embedded 55 Ah storage charge)." };
        var firstAfter = new Option<double>("--ocv1-after") { Description = "Days of rest from the storage charge to the first OCV/ACIR session.", DefaultValueFactory = _ => 1 };
        var ageingDays = new Option<double>("--ageing-days") { Description = "Days between the two OCV/ACIR sessions (the K-value's interval); 0: no ageing.", DefaultValueFactory = _ => 7 };
        var outbox = new Option<string?>("--outbox") { Description = "Outbox folder the handoff is written into (default: <db>.outbox)." };
        var handoff = new Option<string?>("--handoff") { Description = "Packing line folder the handoff is delivered into (default: <db>.handoff)." };
        var command = new Command("demo", "Form, age, grade and hand off simulated cells over loopback Modbus TCP in virtual time.")
        {
            cells, seed, db, json, profile, recipe, poll, defects, storage, firstAfter, ageingDays, outbox, handoff,
        };
        command.SetAction(async (result, ct) =>
        {
            int n = result.GetValue(cells);
            double pollSeconds = result.GetValue(poll), first = result.GetValue(firstAfter), days = result.GetValue(ageingDays);
            if (n is < 1 or > 65_536 || pollSeconds is <= 0 or > 3600 || first is < 0 or > 365 || days is < 0 or > 365)
            {
                await System.Console.Error.WriteLineAsync("fc: --cells must be 1..65536, --poll 0..3600 seconds, --ocv1-after and --ageing-days 0..365 days").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            if (!DefectRates.TryParse(result.GetValue(defects) ?? "none", out var rates, out string defectError))
            {
                await System.Console.Error.WriteLineAsync($"fc: --defects: {defectError}").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            var (p, profileErrors) = DemoInputs.LoadProfile(result.GetValue(profile));
            var (r, recipeErrors) = DemoInputs.LoadRecipe(result.GetValue(recipe));
            var (s, storageErrors) = DemoInputs.LoadStorageProfile(result.GetValue(storage));
            foreach (string line in profileErrors.Concat(recipeErrors).Concat(storageErrors))
            {
                await System.Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (p is null || r is null || s is null)
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
                PollInterval = TimeSpan.FromSeconds(pollSeconds),
                // The heartbeat is refreshed once a poll: the watchdog must outlast a few polls.
                WatchdogPeriod = TimeSpan.FromSeconds(Math.Max(60, 4 * pollSeconds)),
                Population = PopulationOptions.Default with { Defects = rates },
                StorageProfile = s,
                FirstSessionAfter = TimeSpan.FromDays(first),
                AgeingDuration = TimeSpan.FromDays(days),
                OutboxPath = result.GetValue(outbox),
                HandoffPath = result.GetValue(handoff),
            };
            // On a terminal one line updates in place; in a log, a line every few simulated hours.
            bool live = !asJson && !System.Console.IsOutputRedirected;
            var progress = new SynchronousProgress<DemoProgress>(x =>
            {
                string line = x.Phase is "formation" or "storage-charge"
                    ? $"  t = {x.SimulatedHours,6:0.0} h   {x.Phase,-14}   running {x.Running,5}   finished {x.Finished,5} / {x.Cells}"
                    : $"  t = {x.SimulatedHours,6:0.0} h   {x.Phase,-14}   OCV/ACIR of {x.Cells} cells";
                if (live)
                {
                    output.Write("\r" + line);
                }
                else if ((int)x.SimulatedHours % 4 == 0 || x.Phase is not ("formation" or "storage-charge"))
                {
                    output.WriteLine(line);
                }
            });
            DemoResult summary;
            try
            {
                summary = await DemoRunner.RunAsync(options, progress, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException or MeterException)
            {
                await System.Console.Error.WriteLineAsync($"fc: demo failed: {e.Message}").ConfigureAwait(false);
                return ExitCodes.DeviceOrIo;
            }

            if (live)
            {
                output.WriteLine();
            }

            if (asJson)
            {
                System.Console.WriteLine(JsonSerializer.Serialize(summary, Json));
            }
            else
            {
                DemoSummaryText.Write(summary, System.Console.Out);
            }

            return Succeeded(summary) ? ExitCodes.Success : ExitCodes.DeviceOrIo;
        });
        return command;
    }

    /// <summary>Defective cells may fail formation; a good cell that did not complete, or an undelivered handoff, is a failure.</summary>
    private static bool Succeeded(DemoResult summary) =>
        (summary.Accuracy?.GoodCellsNotCompleted ?? summary.Cells - summary.Completed) == 0
        && summary.Handoff is null or { Status: "Delivered" };

    private static string FreshDefaultDb()
    {
        const string path = "fc-demo.db";
        File.Delete(path);
        File.Delete("fc-demo-log.db");
        return path;
    }
}
