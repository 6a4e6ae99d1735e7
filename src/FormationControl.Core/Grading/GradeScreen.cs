namespace FormationControl.Core.Grading;

/// <summary>
/// A reject rule: a cell outside <see cref="Rule"/>'s band is rejected with <see cref="Code"/>, whatever its grade
/// would be (e.g. K beyond mean + 3σ: a suspected micro-short).
/// </summary>
/// <param name="Code">Short, stable reject code for the packing line and statistics, e.g. "K-HIGH".</param>
/// <param name="Reason">What the code means, for people.</param>
/// <param name="Rule">The band a good cell lies in.</param>
public sealed record GradeScreen(string Code, string Reason, GradeRule Rule);
