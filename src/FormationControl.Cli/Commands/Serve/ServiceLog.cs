using FormationControl.Cli.Commands.Api;
using FormationControl.Controller.Hosting;
using FormationControl.Controller.Operations;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>The service's log on standard output: one line per operator request (and per refused channel), one per unit going online or offline.</summary>
internal sealed class ServiceLog(TextWriter output, TimeProvider time)
{
    private readonly Lock _gate = new();

    public void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine($"{time.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z {text}");
            output.Flush();
        }
    }

    public void Operation(OperationResult result, OperatorIdentity who, string channels)
    {
        lock (_gate)
        {
            Line($"{result.Action} by {who.Name} ({who.RoleText}) channels {channels}: {result.Accepted} accepted, {result.Refused} refused");
            foreach (var refused in result.Outcomes.Where(o => !o.Accepted))
            {
                Line($"  channel {refused.Channel} ({refused.Target}) refused: {refused.Detail}");
            }
        }
    }

    public void Link(UnitLinkChange change) =>
        Line($"unit {change.Unit} at {change.Address}: {(change.Online ? "online" : "offline: " + change.Error)}");
}
