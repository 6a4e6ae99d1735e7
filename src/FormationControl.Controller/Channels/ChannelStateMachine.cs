using Stateless;

namespace FormationControl.Controller.Channels;

/// <summary>
/// The transitions a channel's run may take. Only the configuration lives here, so the diagram in
/// docs/channel-states.md can be generated from it and checked against it.
/// </summary>
public static class ChannelStateMachine
{
    /// <summary>Builds a machine over external state storage.</summary>
    public static StateMachine<ChannelState, ChannelTrigger> Create(Func<ChannelState> read, Action<ChannelState> write)
    {
        var m = new StateMachine<ChannelState, ChannelTrigger>(read, write);
        ChannelState beforeCommLoss = ChannelState.InStep;

        m.Configure(ChannelState.Ready)
            .Permit(ChannelTrigger.Start, ChannelState.Starting)
            .Permit(ChannelTrigger.Fault, ChannelState.Faulted)
            .Permit(ChannelTrigger.Stop, ChannelState.Aborted);

        m.Configure(ChannelState.Running)
            .Permit(ChannelTrigger.Fault, ChannelState.Faulted)
            .Permit(ChannelTrigger.Stop, ChannelState.Aborted)
            .Permit(ChannelTrigger.ProfileDone, ChannelState.Completed);

        m.Configure(ChannelState.Starting)
            .SubstateOf(ChannelState.Running)
            .Permit(ChannelTrigger.StepAccepted, ChannelState.InStep)
            .Permit(ChannelTrigger.CommLost, ChannelState.CommLoss);

        m.Configure(ChannelState.InStep)
            .SubstateOf(ChannelState.Running)
            .Permit(ChannelTrigger.StepEnded, ChannelState.Starting)
            .Permit(ChannelTrigger.CommLost, ChannelState.CommLoss)
            .Permit(ChannelTrigger.Pause, ChannelState.PausedByOperator);

        m.Configure(ChannelState.Paused)
            .Permit(ChannelTrigger.Stop, ChannelState.Aborted)
            .Permit(ChannelTrigger.Fault, ChannelState.Faulted);

        // Resume and jump start a device step, confirmed by its sequence number like any other.
        m.Configure(ChannelState.PausedByOperator)
            .SubstateOf(ChannelState.Paused)
            .Permit(ChannelTrigger.Resume, ChannelState.Starting)
            .Permit(ChannelTrigger.Jump, ChannelState.Starting);

        m.Configure(ChannelState.CommLoss)
            .SubstateOf(ChannelState.Paused)
            .OnEntryFrom(ChannelTrigger.CommLost, t => beforeCommLoss = t.Source)
            .PermitDynamic(ChannelTrigger.CommRestored, () => beforeCommLoss)
            // A technician may pause a step whose unit is silent: the stop goes out once the unit answers.
            .PermitIf(ChannelTrigger.Pause, ChannelState.PausedByOperator, () => beforeCommLoss == ChannelState.InStep, "lost in a step");

        m.Configure(ChannelState.Faulted)
            .Permit(ChannelTrigger.Acknowledge, ChannelState.Acknowledged);

        return m;
    }
}
