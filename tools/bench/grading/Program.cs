using System.Diagnostics;
using FormationControl.Controller.Grading;
using FormationControl.Controller.Handoff;
using FormationControl.Core.Grading;
using FormationControl.Storage;

// Grades N cells (default 100,000) with a full recipe against their lot statistics, writes the handoff (JSON + CSV,
// atomically); prints the time of each phase.
// Usage: dotnet run -c Release --project tools/bench/grading -- RECIPE.json [CELLS] [WORK_DIR]
string recipePath = args.Length > 0 ? args[0] : Path.Combine("profiles", "grading", "nmc-100ah-ageing.json");
int count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
string work = args.Length > 2 ? args[2] : Directory.CreateTempSubdirectory("fc-grading-bench-").FullName;
var loaded = GradingRecipeLoader.LoadFile(recipePath);
if (!loaded.Succeeded)
{
    Console.Error.WriteLine(string.Join("\n", loaded.Diagnostics));
    return 1;
}

var random = new Random(42);
var cells = new CellInputs[count];
for (int i = 0; i < count; i++)
{
    double k = random.NextDouble() < 0.005 ? 1 + random.NextDouble() : 0.05 + (random.NextDouble() * 0.1); // 0.5 % micro-shorts
    cells[i] = new CellInputs($"B{i:D7}", i + 1, new GradeInputs(
        100 + (random.NextDouble() * 3), 88 + (random.NextDouble() * 4), 0.0008 + (random.NextDouble() * 0.0001),
        0.0005 + (random.NextDouble() * 0.00005), k, 3.65 + ((random.NextDouble() - 0.5) * 0.01)));
}

var total = Stopwatch.StartNew();
var phase = Stopwatch.StartNew();
var (_, grades) = LotGrader.Grade("BENCH", loaded.Recipe, cells, DateTimeOffset.UtcNow);
Console.WriteLine($"grade {count} cells: {phase.Elapsed.TotalMilliseconds:F0} ms");

phase.Restart();
var grading = new LotGrading("BENCH", 1, loaded.Recipe.Name, loaded.Recipe.Version, loaded.Recipe.Hash, DateTimeOffset.UtcNow, grades);
var document = HandoffDocument.Of(grading);
string outbox = Path.Combine(work, "outbox");
await AtomicFile.WriteAsync(Path.Combine(outbox, document.CsvFileName), document.Csv, CancellationToken.None);
await AtomicFile.WriteAsync(Path.Combine(outbox, document.JsonFileName), document.Json, CancellationToken.None);
Console.WriteLine($"handoff JSON {document.Json.Length / 1024} KiB + CSV {document.Csv.Length / 1024} KiB written: {phase.Elapsed.TotalMilliseconds:F0} ms");
Console.WriteLine($"grade + handoff: {total.Elapsed.TotalMilliseconds:F0} ms");

Console.WriteLine($"grade counts: {string.Join(", ", grades.GroupBy(g => g.Grade).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");
if (args.Length <= 2)
{
    Directory.Delete(work, recursive: true); // our own temporary folder
}

return 0;
