namespace FormationControl.Core.Sequencing;

/// <summary>The sequencer's decision and the run state to keep (and checkpoint) with it.</summary>
public readonly record struct SequenceResult(SequenceDecision Decision, SequencerState State);
