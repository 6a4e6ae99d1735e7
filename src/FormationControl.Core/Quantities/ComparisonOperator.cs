namespace FormationControl.Core.Quantities;

/// <summary>The direction of a <see cref="QuantityBound"/>.</summary>
public enum ComparisonOperator
{
    /// <summary>"&gt;=": reached when the measured value is at least the bound.</summary>
    AtLeast,

    /// <summary>"&lt;=": reached when the measured value is at most the bound.</summary>
    AtMost,
}
