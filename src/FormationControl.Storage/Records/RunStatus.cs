namespace FormationControl.Storage;

/// <summary>Where a run stands. Every state but <see cref="Running"/> is final.</summary>
public enum RunStatus
{
    /// <summary>Started and not yet ended.</summary>
    Running,

    /// <summary>Ran to the end of its profile.</summary>
    Completed,

    /// <summary>Stopped early by a person or a rule.</summary>
    Aborted,

    /// <summary>Stopped by a fault (device, safety limit, communication).</summary>
    Faulted,
}
