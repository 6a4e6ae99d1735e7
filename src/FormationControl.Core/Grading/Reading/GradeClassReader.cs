using FormationControl.Core.Json;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Grading.Reading;

/// <summary>Reads "grades" (tried in order, every rule must pass) and "screens" (reject rules with codes).</summary>
internal static class GradeClassReader
{
    public static readonly string[] ClassFields = ["grade", "rules"];
    public static readonly string[] ScreenFields = ["code", "reason", .. GradeRuleReader.Fields];

    public static List<(GradeClass Class, JsonSourceNode Node)>? ReadClasses(JsonSourceNode node, GradingContext context, DiagnosticList diagnostics)
    {
        var items = Items(node, "grades", diagnostics);
        if (items is null)
        {
            return null;
        }

        var classes = new List<(GradeClass, JsonSourceNode)>();
        foreach (var item in items)
        {
            var fields = JsonFields.Open(item, "a grade", ClassFields, diagnostics);
            if (fields is null)
            {
                continue;
            }

            var gradeNode = fields.Required("grade");
            string? grade = ReadString(gradeNode, diagnostics);
            if (grade is not null && classes.Any(c => c.Item1.Grade == grade))
            {
                diagnostics.Report(gradeNode!, $"grade '{grade}' is defined twice; a grade has one set of rules");
            }

            var rules = ReadRules(fields.Required("rules", "(the rules a cell must all pass)"), context, diagnostics);
            if (grade is not null && rules is not null)
            {
                classes.Add((new GradeClass(grade, rules), item));
            }
        }

        return classes.Count == items.Count ? classes : null;
    }

    public static List<GradeScreen>? ReadScreens(JsonSourceNode? node, GradingContext context, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return [];
        }

        var items = Items(node, "screens", diagnostics, allowEmpty: true);
        if (items is null)
        {
            return null;
        }

        var screens = new List<GradeScreen>();
        foreach (var item in items)
        {
            var fields = JsonFields.Open(item, "a screen", ScreenFields, diagnostics);
            if (fields is null)
            {
                continue;
            }

            var codeNode = fields.Required("code", "(the reject code, e.g. \"K-HIGH\")");
            string? code = ReadString(codeNode, diagnostics);
            if (code is not null && (screens.Any(s => s.Code == code) || code.StartsWith("missing-", StringComparison.Ordinal) || code == "no-grade"))
            {
                diagnostics.Report(codeNode!, $"reject code '{code}' is used twice or is reserved (missing-…, no-grade)");
            }

            string? reason = fields.Optional("reason") is { } reasonNode ? ReadString(reasonNode, diagnostics) : null;
            var rule = GradeRuleReader.Read(fields, context, diagnostics);
            if (code is not null && rule is not null)
            {
                screens.Add(new GradeScreen(code, reason ?? code, rule));
            }
        }

        return screens.Count == items.Count ? screens : null;
    }

    private static List<GradeRule>? ReadRules(JsonSourceNode? node, GradingContext context, DiagnosticList diagnostics)
    {
        var items = node is null ? null : Items(node, "rules", diagnostics);
        if (items is null)
        {
            return null;
        }

        var rules = new List<GradeRule>();
        foreach (var item in items)
        {
            if (JsonFields.Open(item, "a rule", GradeRuleReader.Fields, diagnostics) is { } fields
                && GradeRuleReader.Read(fields, context, diagnostics) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules.Count == items.Count ? rules : null;
    }

    private static IReadOnlyList<JsonSourceNode>? Items(JsonSourceNode node, string what, DiagnosticList diagnostics, bool allowEmpty = false)
    {
        if (node is not JsonSourceArray array || (array.Items.Count == 0 && !allowEmpty))
        {
            diagnostics.Report(node, node is JsonSourceArray ? $"'{what}' needs at least one entry" : $"expected an array of {what}, not {node.KindDescription}");
            return null;
        }

        return array.Items;
    }
}
