using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormationControl.Controller.Grading;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Match;

/// <summary>What <c>fc match</c> does: exit 0 matched, 1 bad options or lot not graded, 3 store failure.</summary>
public static class MatchRun
{
    public static async Task<int> RunAsync(string db, string lot, int series, int parallel, string? grade, bool json, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (series < 1 || parallel < 1)
        {
            await error.WriteLineAsync($"fc match: --series ({series}) and --parallel ({parallel}) must be at least 1").ConfigureAwait(false);
            return 1;
        }

        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"fc match: store '{db}' does not exist").ConfigureAwait(false);
            return 1;
        }

        try
        {
            await using var store = FormationStore.Open(db, TimeProvider.System);
            if (store.FindLotGrading(lot) is not { } grading)
            {
                await error.WriteLineAsync($"fc match: lot '{lot}' has not been graded (run fc grade first)").ConfigureAwait(false);
                return 1;
            }

            var rejectGrades = grading.Grades.Where(g => g.RejectCodes.Count > 0).Select(g => g.Grade).ToHashSet(StringComparer.Ordinal);
            var grades = grade is not null ? [grade] : grading.Grades.Select(g => g.Grade).Where(g => !rejectGrades.Contains(g)).Distinct().Order(StringComparer.Ordinal).ToList();
            var text = new StringBuilder($"lot {lot} grading v{grading.Version}, modules of {series}s{parallel}p ({series * parallel} cells)\n");
            var root = new JsonObject { ["lot"] = lot, ["version"] = grading.Version, ["series"] = series, ["parallel"] = parallel };
            var groups = new JsonArray();
            foreach (string g in grades)
            {
                var of = grading.Grades.Where(x => x.Grade == g).ToList();
                var cells = of.Where(x => x.CapacityAh is not null && (x.DcirOhm ?? x.AcirOhm) is not null)
                    .Select(x => new MatchCell(x.CellId, x.CapacityAh!.Value, (x.DcirOhm ?? x.AcirOhm)!.Value)).ToList();
                var (modules, leftover) = ModuleMatcher.Match(cells, series, parallel);
                text.Append(CultureInfo.InvariantCulture, $"grade {g}: {of.Count} cells, {modules.Count} modules, {leftover.Count} left over, {of.Count - cells.Count} without capacity or resistance\n");
                foreach (var m in modules)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  module {m.Number}: capacity spread {m.CapacitySpreadAh:F4} Ah, resistance spread {m.ResistanceSpreadOhm * 1000:F4} mOhm: {string.Join(" ", m.Cells.Select(c => c.CellId))}\n");
                }

                groups.Add(new JsonObject
                {
                    ["grade"] = g,
                    ["modules"] = new JsonArray([.. modules.Select(m => (JsonNode)new JsonObject
                    {
                        ["number"] = m.Number, ["capacitySpreadAh"] = m.CapacitySpreadAh, ["resistanceSpreadOhm"] = m.ResistanceSpreadOhm,
                        ["cells"] = new JsonArray([.. m.Cells.Select(c => (JsonNode)JsonValue.Create(c.CellId))]),
                    })]),
                    ["leftover"] = new JsonArray([.. leftover.Select(c => (JsonNode)JsonValue.Create(c.CellId))]),
                });
            }

            root["grades"] = groups;
            await output.WriteAsync(json ? root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n" : text.ToString()).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is StorageException or IOException)
        {
            await error.WriteLineAsync("fc match: " + e.Message).ConfigureAwait(false);
            return 3;
        }
    }
}
