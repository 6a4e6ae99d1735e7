using System.Diagnostics.CodeAnalysis;
using FormationControl.Core.Profiles;

namespace FormationControl.Core.Grading;

/// <summary>
/// Grades cells by the discharge capacity measured in the profile step labelled <see cref="CapacityStepLabel"/>.
/// Bins are half-open and never overlap; a capacity in no bin, or no capacity, gets <see cref="RejectGrade"/>.
/// </summary>
/// <param name="Name">Recipe name.</param>
/// <param name="Version">Recipe version.</param>
/// <param name="Hash">Lowercase hex SHA-256 of <see cref="GradingRecipeHash.CanonicalText"/>.</param>
/// <param name="CapacityStepLabel">Label of the profile step whose discharge capacity is graded.</param>
/// <param name="NominalCapacityAh">The capacity percentages in the file refer to; null when the bins are in Ah only.</param>
/// <param name="Bins">The grade bins, in file order, resolved to Ah.</param>
/// <param name="RejectGrade">The grade for a capacity outside every bin or not measured.</param>
public sealed record GradingRecipe(
    string Name,
    string Version,
    string Hash,
    string CapacityStepLabel,
    double? NominalCapacityAh,
    IReadOnlyList<GradeBin> Bins,
    string RejectGrade)
{
    /// <summary>The grade for <paramref name="measuredCapacityAh"/> (null when the capacity step never completed).</summary>
    public GradeDecision Grade(double? measuredCapacityAh)
    {
        if (measuredCapacityAh is not { } capacity)
        {
            return new GradeDecision(RejectGrade, "no capacity measured");
        }

        if (!double.IsFinite(capacity))
        {
            return new GradeDecision(RejectGrade, $"capacity {GradeText.Number(capacity)} is not a finite number");
        }

        foreach (var bin in Bins)
        {
            if (bin.Contains(capacity))
            {
                return new GradeDecision(bin.Grade, $"capacity {GradeText.Number(capacity)} Ah is in {bin}");
            }
        }

        return new GradeDecision(RejectGrade, $"capacity {GradeText.Number(capacity)} Ah is outside every bin");
    }

    /// <summary>
    /// Whether this recipe can grade cells run with <paramref name="profile"/>: the capacity step exists and
    /// discharges, and a nominal capacity given in the recipe is the profile cell's.
    /// </summary>
    public bool FitsProfile(Profile profile, [NotNullWhen(false)] out string? problem)
    {
        if (!profile.TryGetStep(CapacityStepLabel, out var step))
        {
            problem = $"profile '{profile.Name}' has no step labelled '{CapacityStepLabel}'";
            return false;
        }

        if (step.Type is not (StepType.DischargeCc or StepType.DischargeCccv))
        {
            problem = $"step {step.DisplayName} of profile '{profile.Name}' is a {ProfileJsonNames.Of(step.Type)} step, not a discharge";
            return false;
        }

        if (NominalCapacityAh is { } nominal && nominal != profile.Cell.NominalCapacityAh)
        {
            problem = $"the recipe's nominal capacity {GradeText.Number(nominal)} Ah differs from the profile cell's {GradeText.Number(profile.Cell.NominalCapacityAh)} Ah";
            return false;
        }

        problem = null;
        return true;
    }
}
