using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormationControl.Controller.Grading;
using FormationControl.Core.Grading;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Grade;

/// <summary>The report of one lot grading: counts by grade, each input's distribution, the rejected cells (outliers).</summary>
public sealed record GradeReport(
    LotGrading Grading,
    IReadOnlyList<(string Grade, int Count)> Counts,
    LotStatistics Statistics,
    IReadOnlyList<GradeRecord> Outliers,
    HandoffRecord? Handoff)
{
    public static GradeReport Of(LotGradingResult result, GradingRecipe recipe, HandoffRecord? handoff)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(recipe);
        var grades = result.Grading.Grades;
        var order = recipe.Classes.Select(c => c.Grade).Append(recipe.RejectGrade).Distinct().ToList();
        var counts = order.Select(g => (g, grades.Count(x => x.Grade == g))).ToList();
        var outliers = grades.Where(g => g.Grade == recipe.RejectGrade).OrderBy(g => g.CellId, StringComparer.Ordinal).ToList();
        return new GradeReport(result.Grading, counts, result.Statistics, outliers, handoff);
    }

    public string ToText()
    {
        var g = Grading;
        var text = new StringBuilder();
        text.Append($"lot {g.Lot} grading v{g.Version}: {g.Grades.Count} cells, recipe {g.RecipeName} {g.RecipeVersion} ({g.RecipeHash[..Math.Min(12, g.RecipeHash.Length)]})\n");
        text.Append("grades:\n");
        foreach (var (grade, count) in Counts)
        {
            text.Append($"  {grade,-10} {count,7}  {(g.Grades.Count == 0 ? 0 : 100.0 * count / g.Grades.Count),6:F2} %\n");
        }

        text.Append("distributions (count, mean, sd, median, min, max, p5, p95):\n");
        foreach (var (input, s) in Statistics.Inputs)
        {
            text.Append($"  {GradeInputNames.Of(input),-20} [{GradeInputNames.UnitOf(input)}] n={s.Count} mean={GradeRun.N(s.Mean)} sd={GradeRun.N(s.StdDev)} median={GradeRun.N(s.Median)} min={GradeRun.N(s.Min)} max={GradeRun.N(s.Max)} p5={GradeRun.N(s.P05)} p95={GradeRun.N(s.P95)}\n");
        }

        text.Append($"outliers (rejected): {Outliers.Count}\n");
        foreach (var o in Outliers)
        {
            text.Append($"  {o.CellId}: {string.Join(",", o.RejectCodes)}: {o.Reason}\n");
        }

        if (Handoff is { } h)
        {
            text.Append($"handoff {h.Key}: {h.Status.ToString().ToLowerInvariant()} ({string.Join(", ", h.Files)}){(h.LastError is null ? "" : " last error: " + h.LastError)}\n");
        }

        return text.ToString();
    }

    public string ToJson()
    {
        var g = Grading;
        var statistics = new JsonObject();
        foreach (var (input, s) in Statistics.Inputs)
        {
            statistics[GradeInputNames.Of(input)] = new JsonObject
            {
                ["unit"] = GradeInputNames.UnitOf(input), ["count"] = s.Count, ["mean"] = s.Mean, ["stdDev"] = s.StdDev, ["median"] = s.Median,
                ["min"] = s.Min, ["max"] = s.Max, ["p05"] = s.P05, ["p95"] = s.P95,
            };
        }

        var counts = new JsonObject();
        foreach (var (grade, count) in Counts)
        {
            counts[grade] = count;
        }

        var root = new JsonObject
        {
            ["lot"] = g.Lot,
            ["version"] = g.Version,
            ["recipe"] = new JsonObject { ["name"] = g.RecipeName, ["version"] = g.RecipeVersion, ["hash"] = g.RecipeHash },
            ["cells"] = g.Grades.Count,
            ["counts"] = counts,
            ["statistics"] = statistics,
            ["outliers"] = new JsonArray([.. Outliers.Select(o => (JsonNode)new JsonObject
            {
                ["barcode"] = o.CellId, ["grade"] = o.Grade, ["codes"] = new JsonArray([.. o.RejectCodes.Select(c => (JsonNode)JsonValue.Create(c))]), ["reason"] = o.Reason,
            })]),
            ["handoff"] = Handoff is { } h
                ? new JsonObject { ["key"] = h.Key, ["status"] = h.Status.ToString().ToLowerInvariant(), ["files"] = new JsonArray([.. h.Files.Select(f => (JsonNode)JsonValue.Create(f))]), ["lastError"] = h.LastError }
                : null,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
