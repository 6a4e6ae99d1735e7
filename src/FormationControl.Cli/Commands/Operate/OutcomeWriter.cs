using FormationControl.Cli.Commands.Api;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>Prints an operation's outcomes, one line per channel; each refusal is also named on standard error.</summary>
internal static class OutcomeWriter
{
    /// <summary>Exit code: 0 when every channel accepted, 1 when one was refused.</summary>
    public static async Task<int> WriteAsync(OperationResult result, TextWriter output, TextWriter error)
    {
        foreach (var o in result.Outcomes)
        {
            await output.WriteLineAsync($"{o.Channel,4} {o.Target,-10} {(o.Accepted ? "accepted" : "refused"),-9} {o.Detail}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"{result.Action}: {result.Accepted} accepted, {result.Refused} refused").ConfigureAwait(false);
        foreach (var o in result.Outcomes.Where(o => !o.Accepted))
        {
            await error.WriteLineAsync($"channel {o.Channel} ({o.Target}) {result.Action} refused: {o.Detail}").ConfigureAwait(false);
        }

        return result.Refused == 0 ? ExitCodes.Success : ExitCodes.UsageOrValidation;
    }
}
