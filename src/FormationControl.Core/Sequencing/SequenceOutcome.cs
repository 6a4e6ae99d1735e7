namespace FormationControl.Core.Sequencing;

/// <summary>What a profile says happens after a step ends.</summary>
public enum SequenceOutcome
{
    /// <summary>Run the step at <see cref="SequenceDecision.NextIndex"/>.</summary>
    Continue,

    /// <summary>The profile is finished.</summary>
    Completed,

    /// <summary>The limit that ended the step demands a fault: the run stops and latches.</summary>
    Faulted,
}
