namespace FormationControl.Devices.Cycler;

/// <summary>Why the device ended a step, in its <c>endReason</c> register.</summary>
public enum DeviceEndReason : ushort
{
    None = 0,

    /// <summary>The cut-off voltage was reached.</summary>
    Voltage = 1,

    /// <summary>The current tapered to the cut-off current (CV phase).</summary>
    Current = 2,

    /// <summary>The step time limit was reached.</summary>
    Time = 3,

    /// <summary>The step capacity limit was reached.</summary>
    Capacity = 4,

    /// <summary>The master sent Stop.</summary>
    Stopped = 5,

    /// <summary>A protection tripped (see the fault code).</summary>
    Protection = 6,

    /// <summary>The heartbeat went stale and the watchdog turned the output off.</summary>
    Watchdog = 7,
}
