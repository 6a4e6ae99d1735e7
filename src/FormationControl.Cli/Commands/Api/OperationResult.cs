using FormationControl.Controller.Operations;

namespace FormationControl.Cli.Commands.Api;

/// <summary>The answer to every operation: one outcome per channel (accepted, or refused with the reason).</summary>
internal sealed record OperationResult(string Action, int Accepted, int Refused, IReadOnlyList<ChannelOutcome> Outcomes)
{
    public static OperationResult Of(string action, IReadOnlyList<ChannelOutcome> outcomes) =>
        new(action, outcomes.Count(o => o.Accepted), outcomes.Count(o => !o.Accepted), outcomes);
}
