using System.Text.Json.Serialization;

namespace FormationControl.Core.Sequencing;

/// <summary>
/// The run state the <see cref="StepSequencer"/> needs besides the step index: the loops being run, outermost first.
/// Immutable and small; serialises with System.Text.Json as <c>{"loops":[{"startIndex":2,"pass":3}]}</c> (camelCase
/// options) so that a controller can checkpoint it with the step index and resume exactly where it was.
/// Two states are equal when they hold the same frames.
/// </summary>
public sealed class SequencerState : IEquatable<SequencerState>
{
    /// <summary>No loop running: the state before the first step, and of every profile without loops.</summary>
    public static SequencerState Initial { get; } = new([]);

    [JsonConstructor]
    public SequencerState(IReadOnlyList<LoopFrame> loops) => Loops = [.. loops];

    /// <summary>The loops being run, outermost first.</summary>
    public IReadOnlyList<LoopFrame> Loops { get; }

    /// <summary>The pass of the loop whose marker is at <paramref name="startIndex"/>, or 0 when it is not running.</summary>
    public int PassOf(int startIndex) => Loops.FirstOrDefault(f => f.StartIndex == startIndex).Pass;

    public bool Equals(SequencerState? other) => other is not null && Loops.SequenceEqual(other.Loops);

    public override bool Equals(object? obj) => Equals(obj as SequencerState);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var frame in Loops)
        {
            hash.Add(frame);
        }

        return hash.ToHashCode();
    }

    /// <summary>"[]" or "[#2 pass 3, #5 pass 1]".</summary>
    public override string ToString() => $"[{string.Join(", ", Loops.Select(f => $"#{f.StartIndex} pass {f.Pass}"))}]";

    internal SequencerState Push(LoopFrame frame) => new([.. Loops, frame]);

    internal SequencerState Pop() => new([.. Loops.Take(Loops.Count - 1)]);

    internal SequencerState ReplaceTop(LoopFrame frame) => new([.. Loops.Take(Loops.Count - 1), frame]);
}
