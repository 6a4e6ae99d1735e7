namespace FormationControl.Devices.Cycler;

/// <summary>What the channel hardware reports in its <c>state</c> register.</summary>
public enum ChannelDeviceState : ushort
{
    /// <summary>Output off, no step loaded.</summary>
    Idle = 0,

    /// <summary>A step is running.</summary>
    Running = 1,

    /// <summary>The last step ended (see the end reason); output off, the step counters hold their final values.</summary>
    StepComplete = 2,

    /// <summary>A protection tripped; output off and latched until a ClearFault command.</summary>
    Faulted = 3,
}
