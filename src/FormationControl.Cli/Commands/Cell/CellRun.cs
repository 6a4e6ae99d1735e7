using System.Globalization;
using System.Text;
using System.Text.Json;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Cell;

/// <summary>What <c>fc cell</c> does: exit 0 found, 1 unknown cell or store, 3 store failure.</summary>
public static class CellRun
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string db, string barcode, bool json, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"fc cell: store '{db}' does not exist").ConfigureAwait(false);
            return 1;
        }

        try
        {
            await using var store = FormationStore.Open(db, TimeProvider.System);
            var runs = store.GetRunsOfCell(barcode);
            var ageing = store.GetAgeingMeasurements(barcode);
            var grades = store.GetGradesOfCell(barcode);
            if (runs.Count == 0 && ageing.Count == 0 && grades.Count == 0)
            {
                await error.WriteLineAsync($"fc cell: no cell '{barcode}' in '{db}'").ConfigureAwait(false);
                return 1;
            }

            var lots = runs.Select(r => r.Lot).Concat(grades.Select(g => g.Lot)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var handoffs = lots.SelectMany(l => store.GetHandoffs(l)).Where(h => grades.Any(g => g.Lot == h.Lot && g.LotVersion == h.LotVersion)).ToList();
            var steps = runs.ToDictionary(r => r.Id, r => store.GetStepResults(r.Id));
            if (json)
            {
                var genealogy = new
                {
                    barcode,
                    lots,
                    runs = runs.Select(r => new { run = r, steps = steps[r.Id] }),
                    ageing,
                    grades,
                    handoffs,
                };
                await output.WriteLineAsync(JsonSerializer.Serialize(genealogy, Indented)).ConfigureAwait(false);
                return 0;
            }

            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"cell {barcode}, lot {string.Join(", ", lots)}\n");
            foreach (var run in runs)
            {
                text.Append(CultureInfo.InvariantCulture, $"run {run.Id}: {run.UnitName} channel {run.Channel}, profile {run.ProfileName} {run.ProfileVersion} ({run.ProfileHash}), {run.StartedAt:O} .. {run.EndedAt:O}, {run.Status}{(run.EndNote is null ? "" : ": " + run.EndNote)}\n");
                foreach (var s in steps[run.Id])
                {
                    text.Append(CultureInfo.InvariantCulture, $"  step {s.StepIndex} {s.Label} {s.StepType}: {s.DurationS:F0} s, {s.Ah:F4} Ah, {s.Wh:F3} Wh, end {s.EndVoltageV:F4} V {s.EndCurrentA:F3} A {s.EndTemperatureC:F1} degC{(s.DcirOhm is { } r ? $", DCIR {r * 1000:F4} mOhm" : "")}{(s.CcAh is { } cc ? $", CC {cc:F4} Ah in {s.CcDurationS:F0} s + CV {s.CvAh:F4} Ah in {s.CvDurationS:F0} s" : "")}, {s.EndReason}\n");
                }
            }

            foreach (var m in ageing)
            {
                text.Append(CultureInfo.InvariantCulture, $"ageing {m.Session} at {m.Station}, {m.MeasuredAt:O}: OCV {m.OcvV:F5} V{(m.AcirOhm is { } a ? $", ACIR {a * 1000:F4} mOhm" : "")}, {m.TemperatureC:F1} degC\n");
            }

            foreach (var g in grades)
            {
                text.Append(CultureInfo.InvariantCulture, $"grade v{g.Version} (lot grading v{g.LotVersion}): {g.Grade} by {g.RecipeName} {g.RecipeVersion} ({g.RecipeHash}) at {g.GradedAt:O}, run {g.RunId}: {g.Reason}\n");
            }

            foreach (var h in handoffs)
            {
                text.Append(CultureInfo.InvariantCulture, $"handoff {h.Key}: {h.Status}{(h.DeliveredAt is { } d ? $" at {d:O} to {h.Target}" : "")}, {string.Join(", ", h.Files)}\n");
            }

            await output.WriteAsync(text.ToString()).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is StorageException or IOException)
        {
            await error.WriteLineAsync("fc cell: " + e.Message).ConfigureAwait(false);
            return 3;
        }
    }
}
