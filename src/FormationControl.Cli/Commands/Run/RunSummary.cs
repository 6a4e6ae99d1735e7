namespace FormationControl.Cli.Commands.Run;

/// <summary>The outcome of <c>fc run</c>, printed as text or, with <c>--json</c>, as this object.</summary>
internal sealed record RunSummary(string Rack, string Profile, string ProfileHash, int Completed, int Faulted, int Refused, int Other, IReadOnlyList<ChannelSummary> Channels)
{
    public bool Succeeded => Faulted == 0 && Refused == 0 && Other == 0 && Completed > 0;
}
