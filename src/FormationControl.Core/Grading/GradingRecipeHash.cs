using FormationControl.Core.Json;

namespace FormationControl.Core.Grading;

/// <summary>
/// The canonical text of a resolved grading recipe and its SHA-256: compact JSON, fixed key order, capacities
/// in Ah, bins sorted by lower edge (their order in the file does not change what they grade).
/// </summary>
public static class GradingRecipeHash
{
    /// <summary>Tag written first in the canonical text; bump it when the canonical form changes.</summary>
    public const string Format = "formationcontrol.grading/1";

    /// <summary>Lowercase hex SHA-256 of <see cref="CanonicalText"/>.</summary>
    public static string Compute(GradingRecipe recipe) => CanonicalJson.Sha256Hex(CanonicalText(recipe));

    /// <summary>The canonical JSON text that <see cref="Compute"/> hashes.</summary>
    public static string CanonicalText(GradingRecipe recipe) => CanonicalJson.Write(w =>
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
}
