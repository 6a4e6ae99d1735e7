namespace FormationControl.Cli.Commands.Api;

/// <summary>
/// The body of <c>POST /api/pause|resume|stop|ack</c> (<paramref name="Channels"/> like "1-8,12"), of
/// <c>POST /api/channels/{n}/pause|resume|stop|ack</c> (no channels) and of <c>POST /api/channels/{n}/jump</c>
/// (<paramref name="Step"/>: a 1-based step number or a label).
/// </summary>
internal sealed record ChannelsBody(string? Channels = null, string? Step = null, string? Operator = null, string? Role = null);
