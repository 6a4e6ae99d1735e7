namespace FormationControl.Cli.Commands.Run;

/// <summary>How one channel ended in a foreground run (the <c>--json</c> summary's entries).</summary>
internal sealed record ChannelSummary(int Channel, string Target, string? Cell, long? RunId, string State, string? Reason);
