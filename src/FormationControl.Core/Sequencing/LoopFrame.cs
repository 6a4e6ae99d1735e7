namespace FormationControl.Core.Sequencing;

/// <summary>One loop being run: the index of its loop marker and which pass through its body is running (1-based).</summary>
public readonly record struct LoopFrame(int StartIndex, int Pass);
