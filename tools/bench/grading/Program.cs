using System.Diagnostics;
using System.Globalization;
using FormationControl.Controller.Grading;
using FormationControl.Controller.Handoff;
using FormationControl.Core.Grading;
using FormationControl.Storage;

// Grades a lot of N cells (default 100,000) the way `fc grade --outbox --deliver-to` does, against a real LiteDB store:
// writes every cell's run, step results and two ageing sessions into a FormationStore, then collects the lot's inputs
// (LotInputCollector), grades it against its statistics (LotGrader), stores the grades, writes the handoff (JSON + CSV,
// atomically) into the outbox, records it pending and delivers it to a folder. Prints the time of each stage; then
// grades the lot again through LotGrader.GradeAsync in one call (a second lot grading version), as `fc grade` does.
// Usage: dotnet run -c Release --project tools/bench/grading -- RECIPE.json [CELLS] [WORK_DIR]
string recipePath = args.Length > 0 ? args[0] : Path.Combine("profiles", "grading", "nmc-100ah-ageing.json");
int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
bool ownWork = args.Length <= 2;
string work = ownWork ? Directory.CreateTempSubdirectory("fc-grading-bench-").FullName : args[2];
var loaded = GradingRecipeLoader.LoadFile(recipePath);
if (!loaded.Succeeded)
{
    Console.Error.WriteLine(string.Join("\n", loaded.Diagnostics));
    return 1;
}

var recipe = loaded.Recipe;
const string Lot = "BENCH";
var time = TimeProvider.System;
var stages = new List<(string Stage, double Ms)>();
var phase = Stopwatch.StartNew();
void Stage(string name)
{
    stages.Add((name, phase.Elapsed.TotalMilliseconds));
    Console.WriteLine($"{name,-44} {phase.Elapsed.TotalMilliseconds,8:F0} ms");
    phase.Restart();
}

string db = Path.Combine(work, "bench.db");
await using (var store = FormationStore.Open(db, time))
{
    await WriteLotAsync(store, count);
    await store.FlushAsync();
    Stage($"write {count} runs, steps, ageing to LiteDB");
}

// As `fc grade` does: a fresh process opens the store.
var total = Stopwatch.StartNew();
phase.Restart();
await using (var store = FormationStore.Open(db, time))
{
    Stage("open store");
    var cells = LotInputCollector.Collect(store, Lot, recipe);
    Stage($"collect inputs of {cells.Count} cells");
    var (statistics, grades) = LotGrader.Grade(Lot, recipe, cells, time.GetUtcNow());
    Stage("grade against the lot statistics");
    var grading = await store.RecordLotGradingAsync(new LotGrading(Lot, 0, recipe.Name, recipe.Version, recipe.Hash, grades[0].GradedAt, grades));
    Stage($"store {grading.Grades.Count} grades (lot version {grading.Version})");
    string outbox = Path.Combine(work, "outbox");
    var pending = await new HandoffOutbox(store, outbox, time).WriteAsync(grading);
    Stage("handoff: JSON + CSV into the outbox, pending");
    var delivered = await new HandoffDelivery(store, outbox, new FolderDropTarget(Path.Combine(work, "packing")), time).DeliverPendingAsync(Lot);
    Stage($"handoff: delivered to a folder ({delivered.Single().Status})");
    Console.WriteLine($"{"collect + grade + store + handoff",-44} {total.Elapsed.TotalMilliseconds,8:F0} ms");
    long json = new FileInfo(Path.Combine(outbox, pending.Files[0])).Length, csv = new FileInfo(Path.Combine(outbox, pending.Files[1])).Length;
    Console.WriteLine($"handoff files: JSON {json / 1024} KiB, CSV {csv / 1024} KiB");
    Console.WriteLine($"grade counts: {string.Join(", ", grades.GroupBy(g => g.Grade).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");
    _ = statistics;

    phase.Restart();
    var again = await new LotGrader(store, time).GradeAsync(Lot, recipe);
    Stage($"LotGrader.GradeAsync again (version {again.Grading.Version})");
}

Console.WriteLine($"store file: {new FileInfo(db).Length / (1024 * 1024)} MiB");
if (ownWork)
{
    Directory.Delete(work, recursive: true); // our own temporary folder
}

return 0;

// Cell i: a completed formation run with the step results the recipe reads, and ageing sessions ocv1 and ocv2 seven
// days apart; 0.5 % of the cells leak like micro-shorts.
static async Task WriteLotAsync(FormationStore store, int count)
{
    var random = new Random(42);
    var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    var runs = new Task<long>[count];
    for (int i = 0; i < count; i++)
    {
        runs[i] = store.StartRunAsync(new RunRecord(0, $"B{i:D7}", Lot, $"U{(i / 64) + 1:D4}", (i % 64) + 1, "nmc-100ah-formation", "1.0.0", "bench-profile-hash", start, null, RunStatus.Running, null));
    }

    long[] ids = await Task.WhenAll(runs);
    var writes = new List<Task>(count * 5);
    var ageing = new List<AgeingMeasurementRecord>(2 * count);
    for (int i = 0; i < count; i++)
    {
        long run = ids[i];
        double capacity = 101 + (0.7 * Gaussian(random));
        writes.Add(store.RecordStepResultAsync(Step(run, 0, "precharge", "ChargeCc", 25, 3.6, start)));
        writes.Add(store.RecordStepResultAsync(Step(run, 1, "charge-1", "ChargeCccv", capacity * 0.89, 4.2, start)));
        writes.Add(store.RecordStepResultAsync(Step(run, 3, "discharge-1", "DischargeCc", -capacity * 1.0, 3.0, start)));
        writes.Add(store.RecordStepResultAsync(Step(run, 7, "capacity", "DischargeCc", -capacity, 3.0, start)));
        writes.Add(store.CompleteRunAsync(run, RunStatus.Completed, start.AddHours(40), null));
        double k = random.NextDouble() < 0.005 ? 5 + (random.NextDouble() * 30) : 0.21 * Math.Exp(0.5 * Gaussian(random));
        double acir = 0.00045 * (1 + (0.04 * Gaussian(random)));
        double ocv1 = 3.7325 + (0.0027 * Gaussian(random));
        string cell = $"B{i:D7}";
        ageing.Add(new AgeingMeasurementRecord(0, cell, "ocv1", "bench-ocv-ir", start.AddDays(2), ocv1, acir, 25));
        ageing.Add(new AgeingMeasurementRecord(0, cell, "ocv2", "bench-ocv-ir", start.AddDays(9), ocv1 - (k * 7 / 1000), acir, 25));
    }

    for (int from = 0; from < ageing.Count; from += 10_000)
    {
        writes.Add(store.RecordAgeingMeasurementsAsync(ageing.GetRange(from, Math.Min(10_000, ageing.Count - from))));
    }

    await Task.WhenAll(writes);
}

static StepResultRecord Step(long run, int index, string label, string type, double ah, double endV, DateTimeOffset start) =>
    new(run, index, label, type, start.AddHours(index), start.AddHours(index + 1), 3600, ah, ah * 3.7, endV, 0, 25, "limit");

static double Gaussian(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
