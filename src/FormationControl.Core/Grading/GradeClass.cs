namespace FormationControl.Core.Grading;

/// <summary>A grade and the rules a cell must all pass to get it; classes are tried in file order.</summary>
public sealed record GradeClass(string Grade, IReadOnlyList<GradeRule> Rules);
