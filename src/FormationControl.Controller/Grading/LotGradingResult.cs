using FormationControl.Core.Grading;
using FormationControl.Storage;

namespace FormationControl.Controller.Grading;

/// <summary>A stored lot grading and the lot statistics its relative rules compared with.</summary>
public sealed record LotGradingResult(LotGrading Grading, LotStatistics Statistics);
