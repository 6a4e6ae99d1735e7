namespace FormationControl.Core.Profiles.Pybamm;

/// <summary>The first thing wrong in a step string and the offset of the word it is about; never leaves the parser.</summary>
internal sealed class PybammSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}
