using System.Diagnostics.CodeAnalysis;
using FormationControl.Core.Profiles;

namespace FormationControl.Core.Grading;

/// <summary>
/// Grades cells by what was measured of them. The original form grades the discharge capacity of the step
/// labelled <see cref="CapacityStepLabel"/> into <see cref="Bins"/> (half-open, never overlapping; a capacity in
/// no bin, or no capacity, gets <see cref="RejectGrade"/>). The full form (<see cref="Classes"/>,
/// <see cref="Screens"/>, <see cref="Sources"/>) grades any <see cref="GradeInput"/> by absolute bands or bands
/// relative to the lot; see <see cref="Grade(GradeInputs, LotStatistics)"/>.
/// </summary>
/// <param name="Name">Recipe name.</param>
/// <param name="Version">Recipe version.</param>
/// <param name="Hash">Lowercase hex SHA-256 of <see cref="GradingRecipeHash.CanonicalText"/>.</param>
/// <param name="CapacityStepLabel">Label of the profile step whose discharge capacity is graded; empty when the recipe does not grade capacity.</param>
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
    /// <summary>Where each input comes from (the capacity step at least).</summary>
    public GradingInputSources Sources { get; init; } = new(CapacityStepLabel) { Declared = new HashSet<GradeInput> { GradeInput.Capacity } };

    /// <summary>The grades in the order they are tried; the bins as capacity rules for a recipe in the original form.</summary>
    public IReadOnlyList<GradeClass> Classes { get; init; } =
        [.. Bins.Select(b => new GradeClass(b.Grade, [new GradeRule(GradeInput.Capacity, GradeReference.Absolute, b.MinCapacityAh, b.MaxCapacityAh)]))];

    /// <summary>Reject rules checked before any grade.</summary>
    public IReadOnlyList<GradeScreen> Screens { get; init; } = [];

    /// <summary>Every input a class or screen looks at, in <see cref="GradeInputNames.All"/> order.</summary>
    public IReadOnlyList<GradeInput> UsedInputs =>
        [.. GradeInputNames.All.Where(i => Classes.Any(c => c.Rules.Any(r => r.Input == i)) || Screens.Any(s => s.Rule.Input == i))];

    /// <summary>Whether any rule is relative to the lot, so that cells must be graded a lot at a time.</summary>
    public bool IsLotRelative => Classes.Any(c => c.Rules.Any(r => r.IsRelative)) || Screens.Any(s => s.Rule.IsRelative);

    /// <summary>True for a recipe in the original form: capacity bins only, hashed as <c>formationcontrol.grading/1</c>.</summary>
    public bool IsCapacityOnly => Bins.Count > 0 && Screens.Count == 0 && Sources.Declared.All(i => i == GradeInput.Capacity);

    /// <summary>
    /// The grade of one cell: an unmeasured input that a rule needs rejects it ("missing-&lt;input&gt;"), then every
    /// failing screen adds its code, then the first class whose rules all pass gives the grade ("no-grade" if none).
    /// </summary>
    /// <param name="inputs">What was measured of the cell.</param>
    /// <param name="lot">The lot's statistics, for relative rules (<see cref="LotStatistics.Empty"/> when none are used).</param>
    public GradeDecision Grade(GradeInputs inputs, LotStatistics lot)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(lot);
        var codes = new List<string>();
        var reasons = new List<string>();
        foreach (var input in UsedInputs)
        {
            if (inputs.Get(input) is not { } value || !double.IsFinite(value))
            {
                codes.Add("missing-" + GradeInputNames.Of(input));
                reasons.Add(inputs.Get(input) is { } bad ? $"{GradeInputNames.Of(input)} {GradeText.Number(bad)} is not a finite number" : $"no {GradeInputNames.Of(input)} measured");
            }
        }

        if (codes.Count > 0)
        {
            return new GradeDecision(RejectGrade, string.Join("; ", reasons)) { RejectCodes = codes };
        }

        foreach (var screen in Screens)
        {
            if (!screen.Rule.Passes(inputs.Get(screen.Rule.Input)!.Value, lot, out string why))
            {
                codes.Add(screen.Code);
                reasons.Add($"{screen.Code} ({screen.Reason}): {why}");
            }
        }

        if (codes.Count > 0)
        {
            return new GradeDecision(RejectGrade, string.Join("; ", reasons)) { RejectCodes = codes };
        }

        var misses = new List<string>();
        foreach (var gradeClass in Classes)
        {
            var explanations = new List<string>();
            string? failed = null;
            foreach (var rule in gradeClass.Rules)
            {
                if (!rule.Passes(inputs.Get(rule.Input)!.Value, lot, out string why))
                {
                    failed = why;
                    break;
                }

                explanations.Add(why);
            }

            if (failed is null)
            {
                return new GradeDecision(gradeClass.Grade, $"'{gradeClass.Grade}': {string.Join("; ", explanations)}");
            }

            misses.Add($"not '{gradeClass.Grade}': {failed}");
        }

        return new GradeDecision(RejectGrade, "outside every grade: " + string.Join("; ", misses)) { RejectCodes = ["no-grade"] };
    }

    /// <summary>The grade for <paramref name="measuredCapacityAh"/> (null when the capacity step never completed).</summary>
    public GradeDecision Grade(double? measuredCapacityAh)
    {
        if (Bins.Count == 0)
        {
            return Grade(new GradeInputs(CapacityAh: measuredCapacityAh), LotStatistics.Empty);
        }

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
        if (!SourceStepsFit(profile, out problem))
        {
            return false;
        }

        if (CapacityStepLabel.Length == 0)
        {
            return true;
        }

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

    private bool SourceStepsFit(Profile profile, [NotNullWhen(false)] out string? problem)
    {
        var needed = new List<(string Label, string What, Func<StepType, bool> Fits)>();
        foreach (string label in Sources.ChargeSteps ?? [])
        {
            needed.Add((label, "a charge", t => t is StepType.ChargeCc or StepType.ChargeCccv or StepType.Cv or StepType.ChargeCp));
        }

        if (Sources.EfficiencyDischargeStep is { } discharge)
        {
            needed.Add((discharge, "a discharge", t => t is StepType.DischargeCc or StepType.DischargeCccv));
        }

        if (Sources.DcirStep is { } pulse)
        {
            needed.Add((pulse, "a pulse", t => t == StepType.Pulse));
        }

        if (Sources.OcvStep is { } ocv)
        {
            needed.Add((ocv, "an OCV or rest", t => t is StepType.Ocv or StepType.Rest));
        }

        foreach (var (label, what, fits) in needed)
        {
            if (!profile.TryGetStep(label, out var step))
            {
                problem = $"profile '{profile.Name}' has no step labelled '{label}'";
                return false;
            }

            if (!fits(step.Type))
            {
                problem = $"step {step.DisplayName} of profile '{profile.Name}' is a {ProfileJsonNames.Of(step.Type)} step, not {what} step";
                return false;
            }
        }

        problem = null;
        return true;
    }
}
