namespace FormationControl.Core.Sequencing;

/// <summary>The sequencer's answer: where the run goes next, and why.</summary>
public readonly record struct SequenceDecision(SequenceOutcome Outcome, int NextIndex, string Reason)
{
    public static SequenceDecision Continue(int next, string reason) => new(SequenceOutcome.Continue, next, reason);

    public static SequenceDecision Completed(string reason) => new(SequenceOutcome.Completed, -1, reason);

    public static SequenceDecision Faulted(string reason) => new(SequenceOutcome.Faulted, -1, reason);
}
