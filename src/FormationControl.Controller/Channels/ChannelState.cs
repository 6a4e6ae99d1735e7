namespace FormationControl.Controller.Channels;

/// <summary>Where a channel's run stands. See docs/channel-states.md for the diagram.</summary>
public enum ChannelState
{
    /// <summary>A cell and profile are assigned; nothing has been sent to the device.</summary>
    Ready,

    /// <summary>Superstate: the profile is executing.</summary>
    Running,

    /// <summary>A step command was written; waiting for the device to report it (its step sequence moves on).</summary>
    Starting,

    /// <summary>The device runs the step; samples are checked and logged.</summary>
    InStep,

    /// <summary>Superstate: the output is off and the run waits, with its step and loop counters kept.</summary>
    Paused,

    /// <summary>An operator paused the run: the step's output was stopped; resume continues it with what is left of its limits.</summary>
    PausedByOperator,

    /// <summary>The unit stopped answering: nothing is decided on stale data until it answers again.</summary>
    CommLoss,

    /// <summary>The profile finished.</summary>
    Completed,

    /// <summary>An operator stopped the run.</summary>
    Aborted,

    /// <summary>A limit, protection or device error stopped the run; latched until acknowledged.</summary>
    Faulted,

    /// <summary>A fault was acknowledged by a person; the channel is free.</summary>
    Acknowledged,
}
