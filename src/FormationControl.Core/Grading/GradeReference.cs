namespace FormationControl.Core.Grading;

/// <summary>What a rule's band is measured from.</summary>
public enum GradeReference
{
    /// <summary>The band's edges are values of the input.</summary>
    Absolute,

    /// <summary>The edges are offsets from the lot's median (in the input's unit or in percent of the median).</summary>
    Median,

    /// <summary>The edges are offsets from the lot's mean, or multiples of its standard deviation.</summary>
    Mean,
}
