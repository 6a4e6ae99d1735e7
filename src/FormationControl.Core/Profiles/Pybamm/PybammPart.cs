namespace FormationControl.Core.Profiles.Pybamm;

/// <summary>
/// One field of the long form that a step string stands for: its name ("current", "voltage", "time", ...), its value
/// in the long form's syntax ("C/20", "&gt;= 4.2 V") and the offset in the string of the words it came from.
/// </summary>
internal sealed record PybammPart(string Field, string Text, int Offset);
