namespace FormationControl.Core.Profiles.Pybamm;

/// <summary>A parsed step string, as the parts of its long form: type, setpoint, limits in written order, logging period.</summary>
internal sealed record PybammStep(string Type, int TypeOffset, PybammPart? Setpoint, IReadOnlyList<PybammPart> Limits, PybammPart? Period);
