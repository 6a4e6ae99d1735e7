namespace FormationControl.Devices.Cycler;

/// <summary>Values written to a channel's <c>command</c> register. The device clears the register once it has acted.</summary>
public enum ChannelCommand : ushort
{
    None = 0,

    /// <summary>Start a step from the mode, setpoint and cut-off registers; resets the step counters and increments the step sequence.</summary>
    Start = 1,

    /// <summary>End the running step (end reason Stopped) and turn the output off.</summary>
    Stop = 2,

    /// <summary>Clear a latched fault; the channel goes back to Idle.</summary>
    ClearFault = 3,
}
