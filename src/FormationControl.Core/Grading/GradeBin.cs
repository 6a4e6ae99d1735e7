namespace FormationControl.Core.Grading;

/// <summary>A grade given to capacities in the half-open range [<see cref="MinCapacityAh"/>, <see cref="MaxCapacityAh"/>).</summary>
public sealed record GradeBin(string Grade, double MinCapacityAh, double MaxCapacityAh)
{
    /// <summary>True when min &lt;= capacity &lt; max.</summary>
    public bool Contains(double capacityAh) => capacityAh >= MinCapacityAh && capacityAh < MaxCapacityAh;

    /// <summary>True when the two ranges share any capacity.</summary>
    public bool Overlaps(GradeBin other) => MinCapacityAh < other.MaxCapacityAh && other.MinCapacityAh < MaxCapacityAh;

    /// <summary>"'A' [100.5, 110) Ah".</summary>
    public override string ToString() => $"'{Grade}' [{GradeText.Number(MinCapacityAh)}, {GradeText.Number(MaxCapacityAh)}) Ah";
}
