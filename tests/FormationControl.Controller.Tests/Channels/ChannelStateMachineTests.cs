using FormationControl.Controller.Channels;
using FormationControl.Controller.Tests.Support;
using Stateless.Graph;

namespace FormationControl.Controller.Tests.Channels;

public class ChannelStateMachineTests
{
    private const string Begin = "```mermaid";
    private const string End = "```";

    [Fact]
    public void The_documented_diagram_matches_the_code()
    {
        var state = ChannelState.Ready;
        var machine = ChannelStateMachine.Create(() => state, s => state = s);
        string generated = MermaidGraph.Format(machine.GetInfo()).Trim();
        string docPath = Path.Combine(RepositoryPaths.Root, "docs", "channel-states.md");
        string doc = File.ReadAllText(docPath);
        int start = doc.IndexOf(Begin, StringComparison.Ordinal);
        int end = doc.IndexOf(End, start + Begin.Length, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{docPath} has no mermaid block");
        string documented = doc[(start + Begin.Length)..end].Trim();

        if (Environment.GetEnvironmentVariable("FC_UPDATE_DOCS") == "1" && documented != generated)
        {
            File.WriteAllText(docPath, doc[..(start + Begin.Length)] + "\n" + generated + "\n" + doc[end..]);
            documented = generated;
        }

        Assert.True(documented == generated, $"docs/channel-states.md is out of date; run the tests with FC_UPDATE_DOCS=1. Generated:\n{generated}");
    }

    [Fact]
    public void Comm_loss_returns_to_the_state_it_interrupted()
    {
        var state = ChannelState.Ready;
        var machine = ChannelStateMachine.Create(() => state, s => state = s);
        machine.Fire(ChannelTrigger.Start);
        machine.Fire(ChannelTrigger.CommLost);
        machine.Fire(ChannelTrigger.CommRestored);
        Assert.Equal(ChannelState.Starting, state);
        machine.Fire(ChannelTrigger.StepAccepted);
        machine.Fire(ChannelTrigger.CommLost);
        machine.Fire(ChannelTrigger.CommRestored);
        Assert.Equal(ChannelState.InStep, state);
    }

    [Fact]
    public void A_fault_latches_until_acknowledged()
    {
        var state = ChannelState.Ready;
        var machine = ChannelStateMachine.Create(() => state, s => state = s);
        machine.Fire(ChannelTrigger.Start);
        machine.Fire(ChannelTrigger.Fault);
        Assert.False(machine.CanFire(ChannelTrigger.Start));
        Assert.False(machine.CanFire(ChannelTrigger.CommRestored));
        machine.Fire(ChannelTrigger.Acknowledge);
        Assert.Equal(ChannelState.Acknowledged, state);
    }
}
