using FormationControl.Core.Json;

namespace FormationControl.Core.Grading;

/// <summary>
/// The canonical text of a resolved grading recipe and its SHA-256: compact JSON, fixed key order, capacities
/// in Ah, bins sorted by lower edge (their order in the file does not change what they grade).
/// </summary>
public static class GradingRecipeHash
{
    /// <summary>Tag written first in the canonical text of a capacity-only recipe; bump it when the canonical form changes.</summary>
    public const string Format = "formationcontrol.grading/1";

    /// <summary>Tag of the canonical text of a recipe with inputs, grades with rules or screens.</summary>
    public const string RulesFormat = "formationcontrol.grading/2";

    /// <summary>Lowercase hex SHA-256 of <see cref="CanonicalText"/>.</summary>
    public static string Compute(GradingRecipe recipe) => CanonicalJson.Sha256Hex(CanonicalText(recipe));

    /// <summary>The canonical JSON text that <see cref="Compute"/> hashes.</summary>
    public static string CanonicalText(GradingRecipe recipe) => recipe.IsCapacityOnly ? CapacityOnlyText(recipe) : RulesText(recipe);

    // Unchanged since format 1, so that recipes in the original form keep the hash their grades carry.
    private static string CapacityOnlyText(GradingRecipe recipe) => CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("name", recipe.Name);
        w.WriteString("version", recipe.Version);
        w.WriteString("capacityStep", recipe.CapacityStepLabel);
        w.WriteCanonicalNumber("nominalCapacityAh", recipe.NominalCapacityAh);
        w.WriteStartArray("bins");
        foreach (var bin in recipe.Bins.OrderBy(b => b.MinCapacityAh))
        {
            w.WriteStartObject();
            w.WriteString("grade", bin.Grade);
            w.WriteCanonicalNumber("minCapacityAh", bin.MinCapacityAh);
            w.WriteCanonicalNumber("maxCapacityAh", bin.MaxCapacityAh);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("rejectGrade", recipe.RejectGrade);
        w.WriteEndObject();
    });

    // Classes and screens keep file order: the first class that passes decides, so order is meaning.
    private static string RulesText(GradingRecipe recipe) => CanonicalJson.Write(w =>
    {
        var sources = recipe.Sources;
        w.WriteStartObject();
        w.WriteString("format", RulesFormat);
        w.WriteString("name", recipe.Name);
        w.WriteString("version", recipe.Version);
        w.WriteCanonicalNumber("nominalCapacityAh", recipe.NominalCapacityAh);
        w.WriteStartObject("inputs");
        foreach (var input in GradeInputNames.All.Where(sources.Declared.Contains))
        {
            w.WriteStartObject(GradeInputNames.Of(input));
            switch (input)
            {
                case GradeInput.Capacity:
                    w.WriteString("step", sources.CapacityStep);
                    break;
                case GradeInput.CoulombicEfficiency:
                    w.WriteStartArray("chargeSteps");
                    foreach (string label in sources.ChargeSteps ?? [])
                    {
                        w.WriteStringValue(label);
                    }

                    w.WriteEndArray();
                    w.WriteString("dischargeStep", sources.EfficiencyDischargeStep);
                    break;
                case GradeInput.Dcir:
                    w.WriteString("step", sources.DcirStep);
                    break;
                case GradeInput.Acir:
                    w.WriteString("session", sources.AcirSession);
                    break;
                case GradeInput.Ocv:
                    w.WriteString("session", sources.OcvSession);
                    w.WriteString("step", sources.OcvStep);
                    break;
                case GradeInput.KValue:
                    w.WriteString("firstSession", sources.KFirstSession);
                    w.WriteString("secondSession", sources.KSecondSession);
                    w.WriteCanonicalNumber("temperatureCoefficientVPerK", sources.KTemperatureCoefficientVPerK);
                    w.WriteCanonicalNumber("referenceTemperatureC", sources.KReferenceTemperatureC);
                    break;
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("screens");
        foreach (var screen in recipe.Screens)
        {
            w.WriteStartObject();
            w.WriteString("code", screen.Code);
            w.WriteString("reason", screen.Reason);
            WriteRule(w, screen.Rule);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("grades");
        foreach (var gradeClass in recipe.Classes)
        {
            w.WriteStartObject();
            w.WriteString("grade", gradeClass.Grade);
            w.WriteStartArray("rules");
            foreach (var rule in gradeClass.Rules)
            {
                w.WriteStartObject();
                WriteRule(w, rule);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("rejectGrade", recipe.RejectGrade);
        w.WriteEndObject();
    });

    private static void WriteRule(System.Text.Json.Utf8JsonWriter w, GradeRule rule)
    {
        w.WriteString("input", GradeInputNames.Of(rule.Input));
        w.WriteString("reference", rule.Reference.ToString().ToLowerInvariant());
        w.WriteBoolean("inPercent", rule.InPercent);
        w.WriteCanonicalNumber("min", rule.Min);
        w.WriteCanonicalNumber("max", rule.Max);
        w.WriteCanonicalNumber("minSigma", rule.MinSigma);
        w.WriteCanonicalNumber("maxSigma", rule.MaxSigma);
    }
}
