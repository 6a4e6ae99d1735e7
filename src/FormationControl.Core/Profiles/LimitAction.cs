namespace FormationControl.Core.Profiles;

/// <summary>What happens when a limit is reached. JSON: "then": "next" | "end" | "fault", or "goto": "label".</summary>
public enum LimitAction
{
    /// <summary>Go on with the next step (the profile ends after the last).</summary>
    Next,

    /// <summary>End the profile normally.</summary>
    End,

    /// <summary>Stop the channel and latch a fault (e.g. a time guard that should never be reached).</summary>
    Fault,

    /// <summary>Continue with the step labelled <see cref="StepLimit.GotoLabel"/>.</summary>
    Goto,
}
