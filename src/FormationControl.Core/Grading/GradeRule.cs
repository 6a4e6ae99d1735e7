namespace FormationControl.Core.Grading;

/// <summary>
/// A band one input must lie in: [<see cref="Min"/>, <see cref="Max"/>) around the <see cref="Reference"/>, either edge
/// open when null. Relative edges are offsets in the input's unit, or percent of the reference when
/// <see cref="InPercent"/>. Edges in standard deviations (<see cref="MinSigma"/>, <see cref="MaxSigma"/>: mean − k·σ,
/// mean + k·σ) are inclusive, so a screen rejects only what lies strictly beyond them.
/// </summary>
/// <param name="Input">The input the rule checks.</param>
/// <param name="Reference">Absolute values, or offsets from the lot's median or mean.</param>
/// <param name="Min">Lower edge (included), in the input's unit (see <see cref="GradeInputNames.UnitOf"/>) or percent.</param>
/// <param name="Max">Upper edge (excluded).</param>
public sealed record GradeRule(GradeInput Input, GradeReference Reference, double? Min, double? Max)
{
    /// <summary>Relative edges are percent of the reference value rather than offsets in the input's unit.</summary>
    public bool InPercent { get; init; }

    /// <summary>Lower edge mean − k·σ (only with <see cref="GradeReference.Mean"/>).</summary>
    public double? MinSigma { get; init; }

    /// <summary>Upper edge mean + k·σ (only with <see cref="GradeReference.Mean"/>).</summary>
    public double? MaxSigma { get; init; }

    /// <summary>Whether the rule needs the lot's statistics.</summary>
    public bool IsRelative => Reference != GradeReference.Absolute;

    /// <summary>Checks <paramref name="value"/>; <paramref name="explanation"/> says what was compared with what.</summary>
    public bool Passes(double value, LotStatistics lot, out string explanation)
    {
        string name = GradeInputNames.Of(Input), unit = GradeInputNames.UnitOf(Input);
        string shown = $"{name} {GradeText.Number(value)} {unit}";
        if (!TryBand(lot, out double lo, out double hi, out bool hiIncluded))
        {
            explanation = $"{shown}: the lot has no {name} to compare with";
            return false;
        }

        bool passes = value >= lo && (hiIncluded ? value <= hi : value < hi);
        string band = $"[{Edge(lo)}, {Edge(hi)}{(hiIncluded ? "]" : ")")} {unit}";
        explanation = $"{shown} {(passes ? "is in" : "is outside")} {band}{(IsRelative ? $" ({Describe()})" : string.Empty)}";
        return passes;
    }

    /// <summary>The band in the input's unit for this lot; false when the rule is relative and the lot has no such input.</summary>
    public bool TryBand(LotStatistics lot, out double lo, out double hi, out bool hiIncluded)
    {
        lo = double.NegativeInfinity;
        hi = double.PositiveInfinity;
        hiIncluded = MaxSigma is not null || Max is null;
        if (Reference == GradeReference.Absolute)
        {
            lo = Min ?? lo;
            hi = Max ?? hi;
            return true;
        }

        if (!lot.TryGet(Input, out var statistics))
        {
            return false;
        }

        double reference = Reference == GradeReference.Median ? statistics.Median : statistics.Mean;
        if (Min is { } min)
        {
            lo = reference + (InPercent ? Math.Abs(reference) * min / 100 : min);
        }

        if (Max is { } max)
        {
            hi = reference + (InPercent ? Math.Abs(reference) * max / 100 : max);
        }

        if (MinSigma is { } kLow)
        {
            lo = reference - (kLow * statistics.StdDev);
        }

        if (MaxSigma is { } kHigh)
        {
            hi = reference + (kHigh * statistics.StdDev);
        }

        return true;
    }

    /// <summary>"median −5 % … +5 %", "mean + 3σ", "≥ 85 %".</summary>
    public string Describe()
    {
        string unit = InPercent ? "%" : " " + GradeInputNames.UnitOf(Input);
        var parts = new List<string>();
        if (Min is { } min)
        {
            parts.Add(IsRelative ? $"{Signed(min)}{unit}" : $"≥ {GradeText.Number(min)}{unit}");
        }

        if (MinSigma is { } kLow)
        {
            parts.Add($"− {GradeText.Number(kLow)}σ");
        }

        if (Max is { } max)
        {
            parts.Add(IsRelative ? $"{Signed(max)}{unit}" : $"< {GradeText.Number(max)}{unit}");
        }

        if (MaxSigma is { } kHigh)
        {
            parts.Add($"+ {GradeText.Number(kHigh)}σ");
        }

        string edges = string.Join(" … ", parts);
        return Reference switch
        {
            GradeReference.Median => $"median {edges}",
            GradeReference.Mean => $"mean {edges}",
            _ => edges,
        };
    }

    private static string Signed(double value) => (value >= 0 ? "+" : string.Empty) + GradeText.Number(value);

    private static string Edge(double value) => double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : GradeText.Number(Math.Round(value, 9));
}
