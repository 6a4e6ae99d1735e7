namespace FormationControl.Core.Grading.Reading;

/// <summary>What rules are read against: the recipe's nominal capacity and the inputs it declares.</summary>
internal sealed record GradingContext(double? NominalCapacityAh, IReadOnlySet<GradeInput> Declared);
